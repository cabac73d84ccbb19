package org.jointappeal.pledge.events;

import org.jointappeal.pledge.messaging.OutgoingEvent;

/**
 * An event about one pledge: published on {@code pledge-events}, its subject the pledge id, and it
 * carries the pledge's full current state.
 */
interface PledgeEvent extends OutgoingEvent {

  PledgeStateV1 pledge();

  String appealCode();

  @Override
  default String recordKey() {
    return appealCode();
  }

  @Override
  default String topic() {
    return "pledge-events";
  }

  @Override
  default String subject() {
    return pledge().pledgeId().toString();
  }
}
