package org.jointappeal.pledge.pledge;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips the scheduled check while the application is not running or the check is switched off. */
@Singleton
class OverdueCheckDisabled implements Scheduled.SkipPredicate {

  private final OverdueConfig config;
  private final Scheduled.ApplicationNotRunning notRunning;

  OverdueCheckDisabled(OverdueConfig config, Scheduled.ApplicationNotRunning notRunning) {
    this.config = config;
    this.notRunning = notRunning;
  }

  @Override
  public boolean test(ScheduledExecution execution) {
    return !config.enabled() || notRunning.test(execution);
  }
}
