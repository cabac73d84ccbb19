package org.jointappeal.appeal.events;

import org.jointappeal.appeal.messaging.OutgoingEvent;

/** An event about one appeal: published on {@code appeal-events}, its subject the appeal code. */
interface AppealEvent extends OutgoingEvent {

  String appealCode();

  @Override
  default String recordKey() {
    return appealCode();
  }

  @Override
  default String topic() {
    return "appeal-events";
  }

  @Override
  default String subject() {
    return appealCode();
  }
}
