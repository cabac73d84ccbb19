package org.jointappeal.appeal.funding;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Funding coverage ({@code jointappeal.funding.coverage}, a ratio: 0.30 = 30 %) and unmet
 * requirements in USD ({@code jointappeal.funding.unmet.usd}) per launched appeal, tagged {@code
 * appeal}: a few hundred appeals at most, so the tag stays bounded. A closed appeal leaves the
 * gauges; an appeal without requirements has no coverage. Refreshed on a schedule so a scrape never
 * waits for the database; the figures are those the projection stored when it last published.
 */
@ApplicationScoped
public class CoverageMetrics {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final CurrentCoverage coverage;
  private final MultiGauge coverageRatio;
  private final MultiGauge unmetUsd;

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
      publish(coverage.launched());
    } catch (RuntimeException e) {
      Log.warnf("funding coverage not measured: %s", e.toString());
    }
  }

  private void publish(List<AppealCoverage> appeals) {
    var ratios = new ArrayList<MultiGauge.Row<?>>();
    var unmet = new ArrayList<MultiGauge.Row<?>>();
    for (AppealCoverage appeal : appeals) {
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
