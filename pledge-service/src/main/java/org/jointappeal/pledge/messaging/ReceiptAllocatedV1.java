package org.jointappeal.pledge.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.pledge.receipt.Receipt;

/**
 * {@code org.jointappeal.receipt.allocated.v1}: (part of) the receipt was allocated to a pledge;
 * the state carries the new allocated and unallocated amounts and status. Like the pledge's
 * payment-allocated event it occurred on the receipt's value date.
 */
public record ReceiptAllocatedV1(
    String donorCode, ReceiptStateV1 receipt, LocalDate occurredOn, Instant recordedAt)
    implements ReceiptEvent {

  public static final String TYPE = "org.jointappeal.receipt.allocated.v1";

  public static ReceiptAllocatedV1 of(Receipt receipt, Instant recordedAt) {
    return new ReceiptAllocatedV1(
        receipt.donorCode().value(), ReceiptStateV1.of(receipt), receipt.valueDate(), recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
