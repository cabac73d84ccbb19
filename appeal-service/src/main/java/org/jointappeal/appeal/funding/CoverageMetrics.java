package org.jointappeal.appeal.funding;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Funding coverage ({@code jointappeal.funding.coverage}, a ratio: 0.30 = 30 %) and unmet
 * requirements in USD ({@code jointappeal.funding.unmet.usd}) per launched appeal, tagged {@code
 * appeal}: a few hundred appeals at most, so the tag stays bounded. A closed appeal leaves the
 * gauges; an appeal without requirements has no coverage. Refreshed on a schedule so a scrape never
 * waits for the database; an appeal is computed again only when its projection version moved.
 */
@ApplicationScoped
public class CoverageMetrics {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  // short transactions: the first refresh after a start computes every launched appeal
  private static final int BATCH = 100;

  private final CurrentCoverage coverage;
  private final MultiGauge coverageRatio;
  private final MultiGauge unmetUsd;
  private final Map<String, Computed> computed = new HashMap<>();

  private record Computed(long version, AppealCoverage coverage) {}

  CoverageMetrics(CurrentCoverage coverage, MeterRegistry registry) {
    this.coverage = coverage;
    this.coverageRatio =
        MultiGauge.builder("jointappeal.funding.coverage")
            .description("Funding / current requirements of a launched appeal, as a ratio")
            .register(registry);
    this.unmetUsd =
        MultiGauge.builder("jointappeal.funding.unmet.usd")
            .description("max(0, current requirements - funding) of a launched appeal, in USD")
            .register(registry);
  }

  @Scheduled(
      every = "{appeal.metrics.refresh-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  synchronized void refresh() {
    try {
      var versions = coverage.launchedAppealVersions();
      computed.keySet().retainAll(versions.keySet());
      var changed = new ArrayList<String>();
      versions.forEach(
          (code, version) -> {
            var known = computed.get(code);
            if (known == null || known.version() != version) {
              changed.add(code);
            }
          });
      for (int from = 0; from < changed.size(); from += BATCH) {
        List<String> batch = changed.subList(from, Math.min(changed.size(), from + BATCH));
        for (AppealCoverage appeal : coverage.of(batch)) {
          computed.put(
              appeal.appealCode(), new Computed(versions.get(appeal.appealCode()), appeal));
        }
      }
      publish();
    } catch (RuntimeException e) {
      Log.warnf("funding coverage not measured: %s", e.toString());
    }
  }

  private void publish() {
    var ratios = new ArrayList<MultiGauge.Row<?>>();
    var unmet = new ArrayList<MultiGauge.Row<?>>();
    for (Computed each : computed.values()) {
      AppealCoverage appeal = each.coverage();
      Tags tags = Tags.of("appeal", appeal.appealCode());
      if (appeal.coveragePercent() != null) {
        ratios.add(MultiGauge.Row.of(tags, appeal.coveragePercent().divide(HUNDRED)));
      }
      unmet.add(MultiGauge.Row.of(tags, appeal.unmetUsd()));
    }
    // overwrite: an appeal closed since the last refresh leaves the gauges
    coverageRatio.register(ratios, true);
    unmetUsd.register(unmet, true);
  }
}
