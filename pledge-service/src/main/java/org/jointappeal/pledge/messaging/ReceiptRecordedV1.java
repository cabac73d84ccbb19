package org.jointappeal.pledge.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.pledge.receipt.Receipt;

/**
 * {@code org.jointappeal.receipt.recorded.v1}: money was received from a donor, recorded by hand or
 * from a bank statement. It occurred on the receipt's value date.
 */
public record ReceiptRecordedV1(
    String donorCode, ReceiptStateV1 receipt, LocalDate occurredOn, Instant recordedAt)
    implements ReceiptEvent {

  public static final String TYPE = "org.jointappeal.receipt.recorded.v1";

  public static ReceiptRecordedV1 of(Receipt receipt, Instant recordedAt) {
    return new ReceiptRecordedV1(
        receipt.donorCode().value(), ReceiptStateV1.of(receipt), receipt.valueDate(), recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
