package org.jointappeal.pledge.events;

import org.jointappeal.pledge.messaging.OutgoingEvent;

/**
 * An event about one receipt: published on {@code pledge-events}, its subject the receipt id, and
 * keyed by the donor code (a receipt belongs to a donor, not to an appeal, until it is allocated).
 */
interface ReceiptEvent extends OutgoingEvent {

  String donorCode();

  ReceiptStateV1 receipt();

  @Override
  default String topic() {
    return "pledge-events";
  }

  @Override
  default String subject() {
    return receipt().receiptId().toString();
  }

  @Override
  default String recordKey() {
    return donorCode();
  }
}
