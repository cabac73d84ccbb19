package org.jointappeal.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jointappeal.notification.subscription.Channel;
import org.jointappeal.notification.subscription.Subscription;

/**
 * Deliveries are an outbox of messages: written in the dispatcher's transaction, claimed under a
 * lease by a sender after commit, sent with no transaction open, and their outcome recorded in a
 * short transaction of its own. Lease and retry times are the database's clock: they are about
 * processes, not business facts, and several instances must agree on them.
 */
@ApplicationScoped
public class Deliveries {

  private final EntityManager em;
  private final ObjectMapper json;
  private final Event<DeliveryEnqueued> enqueued;

  Deliveries(EntityManager em, ObjectMapper json, Event<DeliveryEnqueued> enqueued) {
    this.em = em;
    this.json = json;
    this.enqueued = enqueued;
  }

  /** The message's delivery id is fixed by the caller, so the message can name it. */
  @Transactional(TxType.MANDATORY)
  public void enqueue(Subscription subscription, NotificationMessage message, Instant decidedAt) {
    em.createNativeQuery(
            """
            insert into delivery (id, subscription_id, group_key, channel, status, payload, decided_at)
            values (?1, ?2, ?3, ?4, 'PENDING', ?5, ?6)""")
        .setParameter(1, message.deliveryId())
        .setParameter(2, subscription.id())
        .setParameter(3, message.groupKey())
        .setParameter(4, subscription.channel().name())
        .setParameter(5, serialize(message))
        .setParameter(6, Timestamp.from(decidedAt))
        .executeUpdate();
    enqueued.fire(new DeliveryEnqueued(1));
  }

  /**
   * Takes the lease of up to {@code size} due deliveries; rows another instance holds are skipped,
   * not waited for.
   */
  @Transactional
  List<ClaimedDelivery> claim(String holder, int size, Duration lease) {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        em.createNativeQuery(
                """
                with due as (
                  select id from delivery
                  where status = 'PENDING' and next_attempt_at <= clock_timestamp()
                    and (lease_until is null or lease_until < clock_timestamp())
                  order by next_attempt_at limit ?2
                  for update skip locked)
                update delivery d
                set lease_holder = ?1, lease_until = clock_timestamp() + make_interval(secs => ?3)
                from due where d.id = due.id
                returning d.id, d.channel, d.payload, d.attempts, d.subscription_id""")
            .setParameter(1, holder)
            .setParameter(2, size)
            .setParameter(3, lease.toMillis() / 1000.0)
            .getResultList();
    return rows.stream().map(this::withTarget).toList();
  }

  private ClaimedDelivery withTarget(Object[] row) {
    UUID subscriptionId = (UUID) row[4];
    Subscription subscription = em.find(Subscription.class, subscriptionId);
    return new ClaimedDelivery(
        (UUID) row[0],
        Channel.valueOf((String) row[1]),
        (String) row[2],
        ((Number) row[3]).intValue(),
        subscription != null,
        subscription == null ? null : subscription.emailAddress(),
        subscription == null ? null : subscription.webhookUrl(),
        subscription == null ? null : subscription.webhookSecret());
  }

  /**
   * Records one attempt; only the lease holder may. A failure is retried after an exponential
   * backoff until the attempts run out.
   */
  @Transactional
  void record(
      UUID id, String holder, DeliveryOutcome outcome, int maxAttempts, Duration backoffNext) {
    int attempt =
        ((Number)
                em
                    .createNativeQuery(
                        """
                        update delivery set attempts = attempts + 1
                        where id = ?1 and lease_holder = ?2 returning attempts""")
                    .setParameter(1, id)
                    .setParameter(2, holder)
                    .getResultList()
                    .stream()
                    .findFirst()
                    .orElse(0))
            .intValue();
    if (attempt == 0) {
      return; // the lease ran out and another instance took over: its record counts
    }
    em.createNativeQuery(
            """
            insert into delivery_attempt (delivery_id, attempt, attempted_at, status_code, error)
            values (?1, ?2, clock_timestamp(), ?3, ?4)""")
        .setParameter(1, id)
        .setParameter(2, attempt)
        .setParameter(3, outcome.statusCode())
        .setParameter(4, truncate(outcome.error()))
        .executeUpdate();
    String status =
        outcome.delivered()
            ? "SENT"
            : outcome.finalFailure() || attempt >= maxAttempts ? "FAILED" : "PENDING";
    em.createNativeQuery(
            """
            update delivery
            set status = ?2, last_status_code = ?3, last_error = ?4,
                sent_at = case when ?2 = 'SENT' then clock_timestamp() end,
                next_attempt_at = case when ?2 = 'PENDING'
                  then clock_timestamp() + make_interval(secs => ?5) else next_attempt_at end,
                lease_holder = null, lease_until = null
            where id = ?1""")
        .setParameter(1, id)
        .setParameter(2, status)
        .setParameter(3, outcome.statusCode())
        .setParameter(4, truncate(outcome.error()))
        .setParameter(5, backoffNext.toMillis() / 1000.0)
        .executeUpdate();
  }

  /**
   * Right before sending: the lease is still this holder's (nobody re-claimed the row since, and it
   * is still due), and is renewed for a full {@code lease} from now, so the attempt (bounded by the
   * request deadline, shorter than the lease) ends before anyone else may take it. False: another
   * instance holds it or it was already settled; do not send.
   */
  @Transactional
  boolean renew(UUID id, String holder, Duration lease) {
    return em.createNativeQuery(
                """
                update delivery set lease_until = clock_timestamp() + make_interval(secs => ?3)
                where id = ?1 and lease_holder = ?2 and status = 'PENDING'""")
            .setParameter(1, id)
            .setParameter(2, holder)
            .setParameter(3, lease.toMillis() / 1000.0)
            .executeUpdate()
        == 1;
  }

  /**
   * Gives the lease back without an attempt (its target's backlog is full): due again after {@code
   * wait}, for this or another instance.
   */
  @Transactional
  void postpone(UUID id, String holder, Duration wait) {
    em.createNativeQuery(
            """
            update delivery set lease_holder = null, lease_until = null,
                next_attempt_at = clock_timestamp() + make_interval(secs => ?3)
            where id = ?1 and lease_holder = ?2 and status = 'PENDING'""")
        .setParameter(1, id)
        .setParameter(2, holder)
        .setParameter(3, wait.toMillis() / 1000.0)
        .executeUpdate();
  }

  /** The subscription is gone: nobody to send to. */
  @Transactional
  void cancel(UUID id, String holder) {
    em.createNativeQuery(
            """
            update delivery set status = 'CANCELLED', last_error = 'subscription deleted',
                lease_holder = null, lease_until = null
            where id = ?1 and lease_holder = ?2""")
        .setParameter(1, id)
        .setParameter(2, holder)
        .executeUpdate();
  }

  NotificationMessage parse(String payload) {
    try {
      return json.readValue(payload, NotificationMessage.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored notification cannot be read", e);
    }
  }

  private String serialize(NotificationMessage message) {
    try {
      return json.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a notification cannot be serialised", e);
    }
  }

  private static String truncate(String error) {
    return error == null || error.length() <= 500 ? error : error.substring(0, 500);
  }
}
