package org.jointappeal.notification.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jointappeal.notification.SqlTimestamps;

/**
 * The notification log as the dispatchers write it (one row per alert transition notified per
 * subscription) and the per-group rows they lock; {@code alert.AlertNotifications} reads it for an
 * alert.
 */
@ApplicationScoped
public class NotificationLog {

  public static final String FIRING = "FIRING";
  public static final String RESOLVED = "RESOLVED";

  private final EntityManager em;

  NotificationLog(EntityManager em) {
    this.em = em;
  }

  /** A group's state, locked for this transaction; empty if another dispatcher holds it. */
  record GroupState(Instant lastNotifiedAt) {}

  @Transactional(TxType.MANDATORY)
  Optional<GroupState> lock(UUID subscriptionId, String groupKey) {
    em.createNativeQuery(
            """
            insert into notification_group (subscription_id, group_key) values (?1, ?2)
            on conflict do nothing""")
        .setParameter(1, subscriptionId)
        .setParameter(2, groupKey)
        .executeUpdate();
    @SuppressWarnings("unchecked") // native query: the one column
    List<Object> rows =
        em.createNativeQuery(
                """
                select last_notified_at from notification_group
                where subscription_id = ?1 and group_key = ?2
                for update skip locked""")
            .setParameter(1, subscriptionId)
            .setParameter(2, groupKey)
            .getResultList();
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(new GroupState(SqlTimestamps.instant(rows.get(0))));
  }

  @Transactional(TxType.MANDATORY)
  void groupNotified(UUID subscriptionId, String groupKey, Instant atOrNullWhenClosed) {
    em.createNativeQuery(
            """
            update notification_group set last_notified_at = ?3
            where subscription_id = ?1 and group_key = ?2""")
        .setParameter(1, subscriptionId)
        .setParameter(2, groupKey)
        .setParameter(3, atOrNullWhenClosed == null ? null : Timestamp.from(atOrNullWhenClosed))
        .executeUpdate();
  }

  /**
   * The alerts of the group whose firing was notified to the subscription and whose resolution was
   * not (yet): alert id to the highest firing sequence notified.
   */
  @Transactional(TxType.MANDATORY)
  Map<UUID, Integer> openFiring(UUID subscriptionId, String groupKey) {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select l.alert_id, max(l.sequence) from notification_log l
                join delivery d on d.id = l.delivery_id
                where l.subscription_id = ?1 and d.group_key = ?2 and l.transition = 'FIRING'
                  and not exists (select 1 from notification_log r
                                  where r.subscription_id = l.subscription_id
                                    and r.alert_id = l.alert_id and r.transition = 'RESOLVED')
                group by l.alert_id""")
            .setParameter(1, subscriptionId)
            .setParameter(2, groupKey)
            .getResultList();
    Map<UUID, Integer> open = new HashMap<>();
    rows.forEach(r -> open.put((UUID) r[0], ((Number) r[1]).intValue()));
    return open;
  }

  /** Subscription and group of every resolved alert whose resolution still has to be notified. */
  @Transactional(TxType.MANDATORY)
  List<Object[]> groupsAwaitingResolvedNotice() {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select distinct l.subscription_id, d.group_key from notification_log l
                join delivery d on d.id = l.delivery_id
                join alert a on a.id = l.alert_id
                where a.status = 'RESOLVED' and l.transition = 'FIRING'
                  and not exists (select 1 from notification_log r
                                  where r.subscription_id = l.subscription_id
                                    and r.alert_id = l.alert_id and r.transition = 'RESOLVED')""")
            .getResultList();
    return rows;
  }

  /**
   * The unique key (subscription, alert, transition, sequence) is the last guard against a second
   * notice; false means this one was already logged.
   */
  @Transactional(TxType.MANDATORY)
  boolean record(
      UUID subscriptionId,
      UUID alertId,
      String transition,
      int sequence,
      UUID deliveryId,
      Instant notifiedAt) {
    return em.createNativeQuery(
                """
                insert into notification_log
                  (subscription_id, alert_id, transition, sequence, delivery_id, notified_at)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
            .setParameter(1, subscriptionId)
            .setParameter(2, alertId)
            .setParameter(3, transition)
            .setParameter(4, sequence)
            .setParameter(5, deliveryId)
            .setParameter(6, Timestamp.from(notifiedAt))
            .executeUpdate()
        == 1;
  }
}
