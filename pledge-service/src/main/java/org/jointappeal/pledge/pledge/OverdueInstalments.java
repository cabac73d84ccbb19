package org.jointappeal.pledge.pledge;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import org.jointappeal.pledge.messaging.Outbox;

/**
 * Marks instalments OVERDUE once their due date has passed unpaid, and reports each exactly once
 * ({@code pledge.instalment-overdue.v1}): the instalment's {@code overdue_reported_at} is set in
 * the transaction that appends the event, and the pledges are locked with SKIP LOCKED, so re-runs
 * and several instances never report an instalment twice.
 */
@ApplicationScoped
public class OverdueInstalments {

  static final String SYSTEM_ACTOR = "system:overdue-check";

  private final PledgeRepository pledges;
  private final PledgeHistoryRepository history;
  private final Outbox outbox;
  private final OverdueConfig config;
  private final Clock clock;

  OverdueInstalments(
      PledgeRepository pledges,
      PledgeHistoryRepository history,
      Outbox outbox,
      OverdueConfig config,
      Clock clock) {
    this.pledges = pledges;
    this.history = history;
    this.outbox = outbox;
    this.config = config;
    this.clock = clock;
  }

  /**
   * One batch: marks the overdue instalments of up to {@code pledge.overdue.batch-size} pledges, as
   * of today's business date (the clock's date in UTC). Returns how many pledges it looked at:
   * fewer than the batch size means nothing is left.
   */
  @Transactional
  public int markBatch() {
    LocalDate today = LocalDate.now(clock);
    var ids = pledges.lockPledgesWithInstalmentsPastDue(today, config.batchSize());
    for (var id : ids) {
      var pledge = pledges.findById(id);
      var now = clock.instant();
      var overdue = pledge.markOverdueInstalments(today, now);
      if (overdue.isEmpty()) {
        continue;
      }
      pledges.flush(); // the events carry the version this change produced
      for (var instalment : overdue) {
        // detection date, not due date + 1: the state carried is the state as of today
        outbox.append(PledgeEvents.instalmentOverdue(pledge, instalment, today, now));
        history.persist(
            new PledgeHistoryEntry(
                pledge,
                "INSTALMENT_OVERDUE",
                SYSTEM_ACTOR,
                now,
                today,
                "instalment " + instalment.number() + " due on " + instalment.dueOn()));
        Log.infof(
            "instalment overdue pledgeId=%s appeal=%s instalment=%d",
            pledge.id(), pledge.appealCode(), instalment.number());
      }
    }
    return ids.size();
  }

  /** Batch after batch until none is left, each its own transaction; returns the pledges seen. */
  public int markAll() {
    int seen = 0;
    int batch;
    do {
      batch = markBatch();
      seen += batch;
    } while (batch == config.batchSize());
    return seen;
  }
}
