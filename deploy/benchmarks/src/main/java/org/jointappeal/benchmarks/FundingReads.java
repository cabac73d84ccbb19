package org.jointappeal.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Scenario 3: {@code GET /appeals/{code}/funding} as a finance officer, plain, {@code
 * ?groupBy=country} and {@code ?asOf=1997-07-02}, each at a steady open-loop rate over all loaded
 * appeals (a random one per request), or over the appeals given (one large appeal, issue #15).
 */
final class FundingReads {

  static final List<String> VARIANTS = List.of("", "?groupBy=country", "?asOf=1997-07-02");

  private final Api api;
  private final DataLoader data;

  FundingReads(Api api, DataLoader data) {
    this.api = api;
    this.data = data;
  }

  /** Over all loaded appeals, a random one per request. */
  List<Step> run(String label, double rate, Duration duration) {
    return run(label, rate, duration, data.appeals());
  }

  List<Step> run(String label, double rate, Duration duration, List<String> appeals) {
    List<Step> steps = new ArrayList<>();
    for (String variant : VARIANTS) {
      Step step =
          OpenLoop.run(
              label + " GET funding" + variant,
              rate,
              duration,
              () -> {
                String appeal = appeals.get(ThreadLocalRandom.current().nextInt(appeals.size()));
                return api.send(
                        "GET",
                        api.appealUrl() + "/appeals/" + appeal + "/funding" + variant,
                        "finance",
                        null,
                        java.util.Map.of())
                    .thenApply(r -> r.statusCode());
              },
              status -> status == 200);
      Benchmark.log("%s", step);
      steps.add(step);
    }
    return steps;
  }
}
