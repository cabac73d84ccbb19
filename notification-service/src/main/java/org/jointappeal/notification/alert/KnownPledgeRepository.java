package org.jointappeal.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class KnownPledgeRepository implements PanacheRepositoryBase<KnownPledge, UUID> {

  /** A new one is not persisted yet: it has no state until its first event. */
  KnownPledge lockOrCreate(UUID pledgeId) {
    return findByIdOptional(pledgeId, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(() -> new KnownPledge(pledgeId));
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
  List<KnownPledge> lockReevaluatedBy(AlertRule rule, LocalDate today, Instant now) {
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
        getEntityManager()
            .createNativeQuery(
                """
                select p.* from known_pledge p
                where (%s%s)
                   or p.pledge_id in (
                     select case when a.subject ~ '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                                 then a.subject::uuid end
                     from alert a where a.rule_id = :rule and a.status = 'FIRING')
                order by p.pledge_id
                for update of p"""
                    .formatted(watched, couldBreach),
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
}
