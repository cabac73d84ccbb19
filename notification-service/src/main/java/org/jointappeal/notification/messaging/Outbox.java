package org.jointappeal.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The transactional outbox: events are rows written in the same transaction as the state change
 * they describe, and published by {@link OutboxRelay} only after that transaction commits.
 */
@ApplicationScoped
public class Outbox {

  private final EntityManager em;
  private final ObjectMapper json;
  private final Event<OutboxAppended> appended;
  private final TraceContext traces;

  Outbox(EntityManager em, ObjectMapper json, Event<OutboxAppended> appended, TraceContext traces) {
    this.em = em;
    this.json = json;
    this.appended = appended;
    this.traces = traces;
  }

  /** Must run inside the state change's transaction: the event exists if and only if it commits. */
  @Transactional(TxType.MANDATORY)
  public UUID append(OutgoingEvent event) {
    UUID id = UUID.randomUUID();
    TraceContext.Stored trace = traces.current(); // published later as part of this trace
    em.createNativeQuery(
            """
            insert into outbox_event (id, topic, record_key, type, subject, payload, recorded_at,
              traceparent, tracestate)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
        // no entity maps the outbox: writing a row needs no flush of the session's entities (the
        // commit flushes them, and a caller that must know a version flushes before appending)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter(1, id)
        .setParameter(2, event.topic())
        .setParameter(3, event.recordKey())
        .setParameter(4, event.type())
        .setParameter(5, event.subject())
        .setParameter(6, serialize(event))
        .setParameter(7, Timestamp.from(event.recordedAt()))
        .setParameter(8, trace.traceparent())
        .setParameter(9, trace.tracestate())
        .executeUpdate();
    appended.fire(new OutboxAppended(event.topic()));
    return id;
  }

  /**
   * Appends many events at once, in order, as {@link #append} would one by one: one JDBC batch, and
   * one wake-up of the relay per topic.
   */
  @Transactional(TxType.MANDATORY)
  public void appendAll(List<OutgoingEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    TraceContext.Stored trace = traces.current();
    var topics = new LinkedHashSet<String>();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (var insert =
                  connection.prepareStatement(
                      """
                      insert into outbox_event (id, topic, record_key, type, subject, payload,
                        recorded_at, traceparent, tracestate)
                      values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (var event : events) {
                  insert.setObject(1, UUID.randomUUID());
                  insert.setString(2, event.topic());
                  insert.setString(3, event.recordKey());
                  insert.setString(4, event.type());
                  insert.setString(5, event.subject());
                  insert.setString(6, serialize(event));
                  insert.setTimestamp(7, Timestamp.from(event.recordedAt()));
                  insert.setString(8, trace.traceparent());
                  insert.setString(9, trace.tracestate());
                  insert.addBatch();
                  topics.add(event.topic());
                }
                insert.executeBatch();
              }
            });
    topics.forEach(topic -> appended.fire(new OutboxAppended(topic)));
  }

  /**
   * Takes or renews the relay lease (see {@link #acquireLease}) and, if this holder has it, reads
   * the oldest unsent rows, in the order they were written, in one statement: empty when there is
   * nothing to send or the lease is another instance's. A relay calls it once per batch, so each
   * round costs one statement less.
   */
  @Transactional
  public List<OutboxEvent> leaseAndNextBatch(String holder, Duration lease, int size) {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        em.createNativeQuery(
                """
                with lease as (
                  update outbox_relay_lease
                  set holder = ?1, expires_at = clock_timestamp() + make_interval(secs => ?2)
                  where name = 'relay'
                    and (holder is null or holder = ?1 or expires_at < clock_timestamp())
                  returning name)
                select id, seq, topic, record_key, type, subject, payload, recorded_at, written_at,
                  traceparent, tracestate
                from outbox_event
                where sent_at is null and exists (select 1 from lease)
                order by seq limit ?3""")
            .setParameter(1, holder)
            .setParameter(2, lease.toMillis() / 1000.0)
            .setParameter(3, size)
            .getResultList();
    return events(rows);
  }

  private static List<OutboxEvent> events(List<Object[]> rows) {
    return rows.stream()
        .map(
            r ->
                new OutboxEvent(
                    (UUID) r[0],
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    toInstant(r[7]),
                    toInstant(r[8]),
                    (String) r[9],
                    (String) r[10]))
        .toList();
  }

  @Transactional
  public void markSent(List<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    em.createNativeQuery("update outbox_event set sent_at = clock_timestamp() where id in (?1)")
        .setParameter(1, ids)
        .executeUpdate();
  }

  /**
   * Takes or renews the relay lease, so that of several instances only one publishes at a time:
   * rows go out once and in order.
   */
  @Transactional
  public boolean acquireLease(String holder, Duration duration) {
    // the database's clock, not the business clock: a lease is about processes, not facts
    return em.createNativeQuery(
                """
                update outbox_relay_lease
                set holder = ?1, expires_at = clock_timestamp() + make_interval(secs => ?2)
                where name = 'relay' and (holder is null or holder = ?1 or expires_at < clock_timestamp())""")
            .setParameter(1, holder)
            .setParameter(2, duration.toMillis() / 1000.0)
            .executeUpdate()
        == 1;
  }

  /** Unsent rows and the age of the oldest, for the backlog metrics. */
  @Transactional
  public Backlog backlog() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    """
                    select count(*), coalesce(extract(epoch from clock_timestamp() - min(written_at)), 0)
                    from outbox_event where sent_at is null""")
                .getSingleResult();
    return new Backlog(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue());
  }

  public record Backlog(long rows, double oldestAgeSeconds) {}

  @Transactional
  public void releaseLease(String holder) {
    em.createNativeQuery(
            "update outbox_relay_lease set holder = null where name = 'relay' and holder = ?1")
        .setParameter(1, holder)
        .executeUpdate();
  }

  private String serialize(OutgoingEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event " + event.type() + " cannot be serialised", e);
    }
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
