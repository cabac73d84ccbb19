package org.jointappeal.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class KnownReceiptRepository implements PanacheRepositoryBase<KnownReceipt, UUID> {

  /** A new one is not persisted yet: it has no state until its first event. */
  KnownReceipt lockOrCreate(UUID receiptId) {
    return findByIdOptional(receiptId, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(() -> new KnownReceipt(receiptId));
  }

  /**
   * The receipts a re-evaluation of {@code rule} has to look at, locked in id order: those with
   * money unallocated at least the rule's days since their value date, and those its FIRING alerts
   * are about. The others are all allocated or too recent: loading them would grow with every
   * receipt ever recorded (see {@link KnownPledgeRepository#lockReevaluatedBy}).
   */
  @SuppressWarnings("unchecked") // a native query typed by its entity class
  List<KnownReceipt> lockReevaluatedBy(AlertRule rule, LocalDate today) {
    return getEntityManager()
        .createNativeQuery(
            """
            select r.* from known_receipt r
            where (r.unallocated > 0 and r.value_date <= :valueDateBy)
               or r.receipt_id in (
                 select case when a.subject ~ '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                             then a.subject::uuid end
                 from alert a where a.rule_id = :rule and a.status = 'FIRING')
            order by r.receipt_id
            for update of r""",
            KnownReceipt.class)
        .setParameter("valueDateBy", today.minusDays(rule.minDaysUnallocated()))
        .setParameter("rule", rule.id())
        .getResultList();
  }
}
