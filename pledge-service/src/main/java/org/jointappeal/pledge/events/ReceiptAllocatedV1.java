package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.jointappeal.receipt.allocated.v1}: (part of) the receipt was allocated to a pledge;
 * the state carries the new allocated and unallocated amounts and status. Like the pledge's
 * payment-allocated event it occurred on the receipt's value date.
 */
public record ReceiptAllocatedV1(
    String donorCode, ReceiptStateV1 receipt, LocalDate occurredOn, Instant recordedAt)
    implements ReceiptEvent {

  public static final String TYPE = "org.jointappeal.receipt.allocated.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
