package org.jointappeal.pledge.pledge;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the overdue check every {@code pledge.overdue.check-interval}. */
@ApplicationScoped
public class OverdueCheck {

  private final OverdueInstalments overdue;

  OverdueCheck(OverdueInstalments overdue) {
    this.overdue = overdue;
  }

  @Scheduled(
      identity = "overdue-check",
      every = "{pledge.overdue.check-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = OverdueCheckDisabled.class)
  void check() {
    overdue.markAll();
  }
}
