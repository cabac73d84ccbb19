package org.jointappeal.notification.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Remembers which events a consumer has applied. Insert-first in the effect's transaction: a
 * redelivered event finds its row and is skipped, and a rolled-back effect leaves no row behind.
 */
@ApplicationScoped
public class Inbox {

  private final EntityManager em;
  private final Counter duplicates;

  Inbox(EntityManager em, MeterRegistry registry) {
    this.em = em;
    this.duplicates = registry.counter("jointappeal.inbox.duplicates");
  }

  /**
   * ON CONFLICT, not a caught unique violation: in PostgreSQL a failed statement aborts the
   * transaction.
   */
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
}
