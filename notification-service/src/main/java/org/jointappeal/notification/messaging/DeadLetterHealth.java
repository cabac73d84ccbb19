package org.jointappeal.notification.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows in readiness how many records this instance dead-lettered. Still UP: the consumer moved on,
 * and a human decides what to do with the DLQ (docs/events.md).
 */
@Readiness
@ApplicationScoped
public class DeadLetterHealth implements HealthCheck {

  private final MeterRegistry registry;

  DeadLetterHealth(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public HealthCheckResponse call() {
    double count =
        registry.find("jointappeal.dlq.records").counters().stream()
            .mapToDouble(Counter::count)
            .sum();
    return HealthCheckResponse.named("dead-letters")
        .up()
        .withData("deadLettered", (long) count)
        .build();
  }
}
