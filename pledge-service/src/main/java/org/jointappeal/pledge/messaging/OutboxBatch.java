package org.jointappeal.pledge.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Events of one large unit of work (a bank statement import), kept in the order they happened and
 * appended to the outbox together, in one JDBC batch, when flushed: the same rows {@link
 * Outbox#append} writes one statement at a time.
 */
public final class OutboxBatch {

  private final Outbox outbox;
  private final List<OutgoingEvent> events = new ArrayList<>();

  public OutboxBatch(Outbox outbox) {
    this.outbox = outbox;
  }

  public void add(OutgoingEvent event) {
    events.add(event);
  }

  /** Appends what was added, in order; inside the state change's transaction, like append. */
  public void flush() {
    outbox.appendAll(events);
    events.clear();
  }
}
