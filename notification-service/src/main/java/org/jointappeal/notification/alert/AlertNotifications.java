package org.jointappeal.notification.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jointappeal.notification.SqlTimestamps;
import org.jointappeal.notification.paging.Cursor;
import org.jointappeal.notification.paging.Keyset;
import org.jointappeal.notification.paging.Page;
import org.jointappeal.notification.paging.PageRequest;

/** An alert's notifications, read from the notification log that the dispatchers write. */
@ApplicationScoped
public class AlertNotifications {

  private final EntityManager em;

  AlertNotifications(EntityManager em) {
    this.em = em;
  }

  /**
   * For GET /alerts/{id} and its notifications: a page of the log, oldest first (then by
   * transition, sequence and subscription: unique for one alert), filtered and ordered in SQL. With
   * {@code onlySubscriber}, only the notifications of that subscriber's own subscriptions (a donor
   * sees nothing of others' deliveries, such as the status codes of their receivers).
   */
  @Transactional
  public Page<NotificationLogEntry> ofAlert(UUID alertId, String onlySubscriber, PageRequest page) {
    var sql =
        new StringBuilder(
            """
            select l.subscription_id, d.channel, l.transition, l.sequence, l.notified_at,
                   d.id, d.status, d.attempts, d.last_status_code, d.sent_at,
                   case when d.status = 'PENDING' then d.next_attempt_at end
            from notification_log l join delivery d on d.id = l.delivery_id
            where l.alert_id = :alert""");
    if (onlySubscriber != null) {
      sql.append(
          """

            and exists (select 1 from subscription s
                        where s.id = l.subscription_id and s.subscriber = :subscriber)""");
    }
    if (page.after().isPresent()) {
      sql.append(
          "\n  and "
              + Keyset.after("l.notified_at", "l.transition", "l.sequence", "l.subscription_id"));
    }
    sql.append(
        "\norder by l.notified_at, l.transition, l.sequence, l.subscription_id limit :fetch");
    var query =
        em.createNativeQuery(sql.toString())
            .setParameter("alert", alertId)
            .setParameter("fetch", page.fetch());
    if (onlySubscriber != null) {
      query.setParameter("subscriber", onlySubscriber);
    }
    page.after()
        .ifPresent(
            after ->
                query
                    .setParameter("k0", after.instant(0))
                    .setParameter("k1", after.string(1))
                    .setParameter("k2", (int) after.number(2))
                    .setParameter("k3", after.uuid(3)));
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows = query.getResultList();
    var entries =
        rows.stream()
            .map(
                r ->
                    new NotificationLogEntry(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).intValue(),
                        SqlTimestamps.instant(r[4]),
                        (UUID) r[5],
                        (String) r[6],
                        ((Number) r[7]).intValue(),
                        r[8] == null ? null : ((Number) r[8]).intValue(),
                        SqlTimestamps.instant(r[9]),
                        SqlTimestamps.instant(r[10])))
            .toList();
    return Page.of(
        entries,
        page,
        e -> Cursor.of(e.notifiedAt(), e.transition(), e.sequence(), e.subscriptionId()));
  }
}
