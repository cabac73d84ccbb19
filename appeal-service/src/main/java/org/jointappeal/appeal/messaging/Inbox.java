package org.jointappeal.appeal.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Remembers which events a consumer has applied. Insert-first in the effect's transaction: a
 * redelivered event finds its row and is skipped, and a rolled-back effect leaves no row behind. ON
 * CONFLICT, not a caught unique violation: in PostgreSQL a failed statement aborts the transaction.
 */
@ApplicationScoped
public class Inbox {

  private final EntityManager em;
  private final Counter duplicates;

  Inbox(EntityManager em, MeterRegistry registry) {
    this.em = em;
    this.duplicates = registry.counter("jointappeal.inbox.duplicates");
  }

  /** True if this consumer has not seen the event before: a consumer of one record at a time. */
  @Transactional(TxType.MANDATORY)
  public boolean firstDelivery(String consumer, String eventId) {
    int inserted =
        em.createNativeQuery(
                """
                insert into inbox_message (consumer, event_id, received_at)
                values (?1, ?2, now()) on conflict do nothing""")
            .setParameter(1, consumer)
            .setParameter(2, eventId)
            .executeUpdate();
    if (inserted == 0) {
      duplicates.increment();
    }
    return inserted == 1;
  }

  /** The ids of the events not seen before, for a whole batch of records in one statement. */
  @Transactional(TxType.MANDATORY)
  public Set<String> firstDeliveries(String consumer, List<String> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    @SuppressWarnings("unchecked") // native query: one column of text
    List<String> inserted =
        em.createNativeQuery(
                """
                insert into inbox_message (consumer, event_id, received_at)
                select ?1, id, now() from unnest(cast(?2 as text[])) as id
                on conflict do nothing returning event_id""")
            .setParameter(1, consumer)
            .setParameter(2, eventIds.toArray(String[]::new))
            .getResultList();
    long repeated = eventIds.stream().distinct().count() - inserted.size();
    if (repeated > 0) {
      duplicates.increment(repeated);
    }
    return new HashSet<>(inserted);
  }
}
