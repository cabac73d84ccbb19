package org.jointappeal.pledge.pledge;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Pledges per status ({@code jointappeal.pledges}) and their USD value at the announcement rate
 * ({@code jointappeal.pledges.usd}). Every status is exposed, zero included, so a dashboard never
 * loses a series; the figures are refreshed on a schedule so a scrape never waits for the database.
 */
@ApplicationScoped
public class PledgeMetrics {

  private final PledgeService pledges;
  private volatile Map<PledgeStatus, StatusTotal> totals = Map.of();

  PledgeMetrics(PledgeService pledges, MeterRegistry registry) {
    this.pledges = pledges;
    for (PledgeStatus status : PledgeStatus.values()) {
      Gauge.builder("jointappeal.pledges", this, m -> m.total(status).pledges())
          .description("Pledges in this status")
          .tag("status", status.name())
          .register(registry);
      Gauge.builder("jointappeal.pledges.usd", this, m -> m.total(status).usd().doubleValue())
          .description("USD value of the pledges in this status, at their announcement rates")
          .tag("status", status.name())
          .register(registry);
    }
  }

  @Scheduled(
      every = "{pledge.metrics.refresh-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void refresh() {
    try {
      var now = new EnumMap<PledgeStatus, StatusTotal>(PledgeStatus.class);
      for (StatusTotal total : pledges.totalsByStatus()) {
        now.put(total.status(), total);
      }
      totals = now;
    } catch (RuntimeException e) {
      Log.warnf("pledge totals not measured: %s", e.toString());
    }
  }

  private StatusTotal total(PledgeStatus status) {
    return totals.getOrDefault(status, new StatusTotal(status, 0, BigDecimal.ZERO));
  }
}
