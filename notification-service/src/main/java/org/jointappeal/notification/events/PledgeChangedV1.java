package org.jointappeal.notification.events;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.notification.Money;

/**
 * Every pledge event ({@code org.jointappeal.pledge.announced.v1}, {@code committed}, {@code
 * cancelled}, {@code written-off}, {@code payment-allocated}, {@code payment-reversed}, {@code
 * instalment-overdue}) carries the pledge's full state: this service reads them alike, taking the
 * fields its rules use.
 */
public record PledgeChangedV1(
    String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEventV1 {

  public static final String ANNOUNCED = "org.jointappeal.pledge.announced.v1";
  public static final String COMMITTED = "org.jointappeal.pledge.committed.v1";
  public static final String CANCELLED = "org.jointappeal.pledge.cancelled.v1";
  public static final String WRITTEN_OFF = "org.jointappeal.pledge.written-off.v1";
  public static final String PAYMENT_ALLOCATED = "org.jointappeal.pledge.payment-allocated.v1";
  public static final String PAYMENT_REVERSED = "org.jointappeal.pledge.payment-reversed.v1";
  public static final String INSTALMENT_OVERDUE = "org.jointappeal.pledge.instalment-overdue.v1";

  public static final List<String> TYPES =
      List.of(
          ANNOUNCED,
          COMMITTED,
          CANCELLED,
          WRITTEN_OFF,
          PAYMENT_ALLOCATED,
          PAYMENT_REVERSED,
          INSTALMENT_OVERDUE);

  /** The pledge's state as its producer holds it at {@code version}. */
  public record PledgeStateV1(
      UUID pledgeId,
      String appealCode,
      String donorCode,
      Money usdValue,
      String status,
      List<InstalmentV1> instalments,
      long version) {}

  public record InstalmentV1(
      int number, @JsonAlias("dueDate") LocalDate dueOn, Money amount, Money paid, String status) {}
}
