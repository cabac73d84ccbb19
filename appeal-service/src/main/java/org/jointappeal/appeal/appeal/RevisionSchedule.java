package org.jointappeal.appeal.appeal;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A revision recorded for a later date takes effect on that date, without a restart: checked on a
 * schedule ({@code appeal.revisions.effect-check-interval}) and once at start. A check finding
 * nothing due costs one indexed query.
 */
@ApplicationScoped
public class RevisionSchedule {

  private final AppealService appeals;

  RevisionSchedule(AppealService appeals) {
    this.appeals = appeals;
  }

  @Scheduled(
      every = "{appeal.revisions.effect-check-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void check() {
    try {
      int published = appeals.takeEffectOfDueRevisions();
      if (published > 0) {
        Log.infof("revisions took effect count=%d", published);
      }
    } catch (RuntimeException e) {
      Log.warnf("revisions not checked, next check retries: %s", e.toString());
    }
  }
}
