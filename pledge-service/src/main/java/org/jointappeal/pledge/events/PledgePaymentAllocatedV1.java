package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.jointappeal.pledge.payment-allocated.v1}: (part of) a receipt was allocated to the
 * pledge; the state carries the new {@code paid}, {@code paidUsd} and status (PARTIALLY_PAID or
 * PAID). It occurred on the receipt's value date, which also fixed the payment's USD value. Money
 * received before the pledge was announced counts as paid from the announcement date: a consumer
 * dates the payment max(occurredOn, pledge.announcedOn) (ADR 0007).
 */
public record PledgePaymentAllocatedV1(
    String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.payment-allocated.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
