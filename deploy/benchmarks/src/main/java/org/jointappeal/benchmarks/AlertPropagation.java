package org.jointappeal.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Scenario 2, the alert leg: from the 200 of a commitment that lifts an appeal's coverage over the
 * default funding-gap rule's 50 % to the moment notification-service shows that appeal's alert
 * RESOLVED ({@code GET /alerts?appeal=&rule=funding-gap}, polled every 5 ms, so up to about 5 ms
 * plus one request is in the figure). One sample per fresh appeal of USD 100.00 requirements, whose
 * alert fires at launch (0 % covered); the pledge is USD 60.00. Samples run one after another.
 */
final class AlertPropagation {

  private final Api api;
  private final DataLoader data;

  AlertPropagation(Api api, DataLoader data) {
    this.api = api;
    this.data = data;
  }

  Step run(String label, int samples) {
    Histogram micros = new Histogram(3_600_000_000L, 3);
    long failures = 0;
    String firstFailure = "";
    long started = System.nanoTime();
    for (int i = 0; i < samples; i++) {
      try {
        String appeal = data.newAppeal(label + "G" + i, "100.00");
        if (!awaitStatus(appeal, "FIRING", Duration.ofSeconds(60))) {
          throw new IllegalStateException("no FIRING alert for " + appeal + " within 60 s");
        }
        String pledge = data.announce(appeal, "NOR", "60.00", 0).join();
        data.commit(pledge).join();
        long committedAt = System.nanoTime();
        if (!awaitStatus(appeal, "RESOLVED", Duration.ofSeconds(60))) {
          throw new IllegalStateException("alert of " + appeal + " not resolved within 60 s");
        }
        micros.recordValue((System.nanoTime() - committedAt) / 1000);
        data.countCreated(1);
      } catch (RuntimeException e) {
        failures++;
        if (firstFailure.isEmpty()) {
          firstFailure = e.getMessage();
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Step step =
        Step.of(
            label + " commit 200 → alert RESOLVED",
            0,
            micros.getTotalCount() / seconds,
            failures,
            micros);
    return step.withNote(
        "one at a time, polling GET /alerts every 5 ms"
            + (firstFailure.isEmpty() ? "" : "; failures: " + firstFailure));
  }

  private boolean awaitStatus(String appeal, String status, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      var response =
          // the appeal-level gap rule only: other default rules (large pledge, ...) alert apart
          api.call(
              "GET",
              api.notificationUrl() + "/alerts?appeal=" + appeal + "&rule=funding-gap",
              "finance",
              null);
      if (response.statusCode() == 200) {
        JsonNode alerts = Api.read(response);
        // newest first: the appeal's current alert state is the first one's
        if (alerts.isArray()
            && alerts.size() > 0
            && status.equals(alerts.get(0).path("status").asText())) {
          return true;
        }
      }
      Benchmark.sleep(Duration.ofMillis(5));
    }
    return false;
  }
}
