package org.jointappeal.notification.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jointappeal.notification.known.KnownPledge;
import org.jointappeal.notification.known.KnownReceipt;

/**
 * What each minute's re-evaluation of a rule reads of the copies of pledge-service's data: only
 * what could breach the rule now, and what its FIRING alerts are about, selected in SQL.
 */
@ApplicationScoped
class ReevaluationSelection {

  /** The ids a rule's FIRING alerts are about (an alert's subject is a pledge or receipt id). */
  private static final String FIRING_SUBJECTS =
      """
      select case when a.subject ~ '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                  then a.subject::uuid end
      from alert a where a.rule_id = :rule and a.status = 'FIRING'""";

  private final EntityManager entityManager;

  ReevaluationSelection(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * The pledges a re-evaluation of {@code rule} has to look at, selected in SQL and locked in id
   * order (two evaluations never wait on each other in a circle): those it watches that could
   * breach it at {@code now}, and those its FIRING alerts are about, whatever their appeal, so that
   * each of those alerts resolves with the figures that resolved it. Every other pledge could only
   * be observed as not breached, about no alert: loading them all made each minute's re-evaluation
   * hold every known pledge in memory, which ran the service out of heap at 128,000 pledges
   * (docs/performance.md, the soak).
   */
  @SuppressWarnings("unchecked") // a native query typed by its entity class
  List<KnownPledge> pledges(AlertRule rule, LocalDate today, Instant now) {
    String couldBreach =
        switch (rule.kind()) {
          // unpaid past the rule's ageing bucket: daysPastDue > minDaysOverdue
          case OVERDUE_INSTALMENT ->
              """
              p.status in ('COMMITTED', 'PARTIALLY_PAID') and exists (
                select 1 from jsonb_array_elements(p.instalments) i
                where (i ->> 'dueOn')::date < :dueBefore
                  and coalesce(i ->> 'status', '') not in ('PAID', 'WRITTEN_OFF', 'CANCELLED'))""";
          case PLEDGE_CANCELLED -> "p.status = 'CANCELLED' and p.status_since > :since";
          case PLEDGE_WRITTEN_OFF -> "p.status = 'WRITTEN_OFF' and p.status_since > :since";
          case LARGE_PLEDGE -> "p.usd_value >= :minUsd and p.announced_at > :since";
          default -> throw new IllegalArgumentException("not a pledge rule: " + rule.kind());
        };
    String watched = rule.appealCode() == null ? "" : "p.appeal_code = :appeal and ";
    var query =
        entityManager
            .createNativeQuery(
                """
                select p.* from known_pledge p
                where (%s%s)
                   or p.pledge_id in (%s)
                order by p.pledge_id
                for update of p"""
                    .formatted(watched, couldBreach, FIRING_SUBJECTS),
                KnownPledge.class)
            .setParameter("rule", rule.id());
    if (rule.appealCode() != null) {
      query.setParameter("appeal", rule.appealCode());
    }
    switch (rule.kind()) {
      case OVERDUE_INSTALMENT ->
          query.setParameter("dueBefore", today.minusDays(rule.minDaysOverdue()));
      case LARGE_PLEDGE ->
          query
              .setParameter("minUsd", rule.minAmountUsd())
              .setParameter("since", now.minus(rule.resolveAfter()));
      default -> query.setParameter("since", now.minus(rule.resolveAfter()));
    }
    return query.getResultList();
  }

  /**
   * The receipts a re-evaluation of {@code rule} has to look at, locked in id order: those with
   * money unallocated at least the rule's days since their value date, and those its FIRING alerts
   * are about. The others are all allocated or too recent: loading them would grow with every
   * receipt ever recorded (see {@link #pledges}).
   */
  @SuppressWarnings("unchecked") // a native query typed by its entity class
  List<KnownReceipt> receipts(AlertRule rule, LocalDate today) {
    return entityManager
        .createNativeQuery(
            """
            select r.* from known_receipt r
            where (r.unallocated > 0 and r.value_date <= :valueDateBy)
               or r.receipt_id in (%s)
            order by r.receipt_id
            for update of r"""
                .formatted(FIRING_SUBJECTS),
            KnownReceipt.class)
        .setParameter("valueDateBy", today.minusDays(rule.minDaysUnallocated()))
        .setParameter("rule", rule.id())
        .getResultList();
  }
}
