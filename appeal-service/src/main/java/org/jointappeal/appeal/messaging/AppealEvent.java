package org.jointappeal.appeal.messaging;

/** An event about one appeal: published on {@code appeal-events}, its subject the appeal code. */
interface AppealEvent extends OutgoingEvent {

  @Override
  default String topic() {
    return "appeal-events";
  }

  @Override
  default String subject() {
    return appealCode();
  }
}
