package org.jointappeal.notification.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's health in numbers: rows not yet published, the age of the oldest, and the delay from
 * the row's insert to the broker's acknowledgement. Backlog figures are refreshed on a schedule so
 * a scrape never waits for the database.
 */
@ApplicationScoped
public class OutboxMetrics {

  private final Outbox outbox;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestAgeMillis = new AtomicLong();
  private final Timer publishDelay;

  OutboxMetrics(Outbox outbox, MeterRegistry registry) {
    this.outbox = outbox;
    registry.gauge("jointappeal.outbox.backlog", backlog);
    registry.gauge("jointappeal.outbox.oldest.age", oldestAgeMillis, age -> age.get() / 1000.0);
    this.publishDelay =
        Timer.builder("jointappeal.outbox.publish.delay")
            .description("From the outbox row's insert to the broker's acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  @Scheduled(
      every = "{notification.outbox.metrics-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      // not while starting or stopping: the Kafka channels may not be wired yet, or any more
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void refresh() {
    try {
      var now = outbox.backlog();
      backlog.set(now.rows());
      oldestAgeMillis.set(Math.round(now.oldestAgeSeconds() * 1000));
    } catch (RuntimeException e) {
      Log.warnf("outbox backlog not measured: %s", e.toString());
    }
  }

  void published(OutboxEvent row, Instant acknowledgedAt) {
    publishDelay.record(Duration.between(row.writtenAt(), acknowledgedAt));
  }
}
