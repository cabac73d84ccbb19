package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.jointappeal.receipt.recorded.v1}: money was received from a donor, recorded by hand or
 * from a bank statement. It occurred on the receipt's value date.
 */
public record ReceiptRecordedV1(
    String donorCode, ReceiptStateV1 receipt, LocalDate occurredOn, Instant recordedAt)
    implements ReceiptEvent {

  public static final String TYPE = "org.jointappeal.receipt.recorded.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
