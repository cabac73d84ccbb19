package org.jointappeal.pledge.forecast;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import org.jointappeal.pledge.DomainRuleViolation;

/**
 * Recomputes the projection of every launched appeal whose period is not over, as of today, every
 * {@code pledge.forecast.projection-interval} (so daily, and within the interval after a pledge or
 * payment changes it); each appeal in its own transaction, published only on a material change.
 */
@ApplicationScoped
public class ProjectionJob {

  private final CashForecastService forecasts;
  private final Clock clock;

  ProjectionJob(CashForecastService forecasts, Clock clock) {
    this.forecasts = forecasts;
    this.clock = clock;
  }

  @Scheduled(
      identity = "forecast-projection",
      every = "{pledge.forecast.projection-interval}",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = ProjectionJob.Disabled.class)
  void run() {
    LocalDate today = LocalDate.now(clock);
    for (String appeal : forecasts.projectable(today)) {
      try {
        forecasts.project(appeal, today);
      } catch (DomainRuleViolation e) {
        // e.g. a currency with no UN rate yet: the next run tries again
        Log.warnf("projection skipped appeal=%s reason=%s", appeal, e.getMessage());
      }
    }
  }

  /** Skips the job while the application is not running or the job is switched off. */
  @Singleton
  static class Disabled implements Scheduled.SkipPredicate {

    private final ForecastConfig config;
    private final Scheduled.ApplicationNotRunning notRunning;

    Disabled(ForecastConfig config, Scheduled.ApplicationNotRunning notRunning) {
      this.config = config;
      this.notRunning = notRunning;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
      return !config.projectionEnabled() || notRunning.test(execution);
    }
  }
}
