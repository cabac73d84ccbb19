package org.jointappeal.notification.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.notification.Money;

/**
 * {@code org.jointappeal.receipt.recorded.v1} and {@code org.jointappeal.receipt.allocated.v1}: a
 * receipt's full state; keyed by donor code, since a receipt belongs to no appeal until it is
 * allocated.
 */
public record ReceiptChangedV1(
    String donorCode, ReceiptStateV1 receipt, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEventV1 {

  public static final String RECORDED = "org.jointappeal.receipt.recorded.v1";
  public static final String ALLOCATED = "org.jointappeal.receipt.allocated.v1";

  public static final List<String> TYPES = List.of(RECORDED, ALLOCATED);

  public record ReceiptStateV1(
      UUID receiptId,
      String donorCode,
      Money amount,
      LocalDate valueDate,
      Money unallocated,
      String status,
      long version) {}
}
