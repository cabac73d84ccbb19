package org.jointappeal.notification.dispatch;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Alertmanager's notification pipeline on a schedule: each group (subscription x appeal) is decided
 * in its own transaction, under a row lock, so any number of instances may run it.
 */
@ApplicationScoped
public class NotificationDispatcher {

  private final GroupNotifier groups;
  private final Clock clock;

  NotificationDispatcher(GroupNotifier groups, Clock clock) {
    this.groups = groups;
    this.clock = clock;
  }

  @Scheduled(
      every = "{notification.dispatch.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    dispatchDue();
  }

  /** Writes every notification due now; returns how many. */
  public int dispatchDue() {
    Instant now = clock.instant();
    int written = 0;
    for (GroupNotifier.Candidate candidate : groups.candidates()) {
      try {
        if (groups.notifyIfDue(candidate, now)) {
          written++;
        }
      } catch (RuntimeException e) {
        // one group's trouble must not hold back the others; it is tried again next time
        Log.warnf(
            "dispatch failed subscriptionId=%s group=%s: %s",
            candidate.subscriptionId(), candidate.groupKey(), e.toString());
      }
    }
    return written;
  }
}
