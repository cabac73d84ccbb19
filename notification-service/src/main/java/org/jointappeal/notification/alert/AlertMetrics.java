package org.jointappeal.notification.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Alerts firing now ({@code jointappeal.alerts.firing}) per rule, tagged {@code rule} (the rule's
 * name, the alerts' rule label) and {@code kind} (its kind label). Rules are a handful an
 * administrator keeps, so the tags stay bounded. Silenced alerts count: they are firing, only
 * muted. Refreshed on a schedule so a scrape never waits for the database.
 */
@ApplicationScoped
public class AlertMetrics {

  private final AlertService alerts;
  private final MultiGauge firing;

  AlertMetrics(AlertService alerts, MeterRegistry registry) {
    this.alerts = alerts;
    this.firing =
        MultiGauge.builder("jointappeal.alerts.firing")
            .description("Alerts of the rule firing now, silenced ones included")
            .register(registry);
  }

  @Scheduled(
      every = "{notification.metrics.refresh-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void refresh() {
    try {
      // overwrite: a deleted rule with nothing firing leaves the gauge
      firing.register(
          alerts.firingPerRule().stream()
              .map(
                  count ->
                      MultiGauge.Row.of(
                          Tags.of("rule", count.rule(), "kind", count.kind().label()),
                          count.firing()))
              .toList(),
          true);
    } catch (RuntimeException e) {
      Log.warnf("firing alerts not counted: %s", e.toString());
    }
  }
}
