package org.jointappeal.pledge.receipt;

import java.time.Instant;
import org.jointappeal.pledge.events.ReceiptAllocatedV1;
import org.jointappeal.pledge.events.ReceiptRecordedV1;
import org.jointappeal.pledge.events.ReceiptStateV1;

/**
 * The receipt events (docs/events.md), built from the receipt as it now stands: the event records
 * in {@code events} know nothing of the entity.
 */
public final class ReceiptEvents {

  private ReceiptEvents() {}

  public static ReceiptRecordedV1 recorded(Receipt receipt, Instant recordedAt) {
    return new ReceiptRecordedV1(
        receipt.donorCode().value(), state(receipt), receipt.valueDate(), recordedAt);
  }

  public static ReceiptAllocatedV1 allocated(Receipt receipt, Instant recordedAt) {
    return new ReceiptAllocatedV1(
        receipt.donorCode().value(), state(receipt), receipt.valueDate(), recordedAt);
  }

  /** The receipt's full state, as every receipt event carries it. */
  public static ReceiptStateV1 state(Receipt r) {
    return new ReceiptStateV1(
        r.id(),
        r.donorCode().value(),
        r.amount(),
        r.valueDate(),
        r.valuation().usd(),
        r.valuation().unitsPerUsd().stripTrailingZeros(),
        r.allocated(),
        r.unallocated(),
        r.status().name(),
        r.source().name(),
        r.version());
  }
}
