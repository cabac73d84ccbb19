package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.jointappeal.pledge.payment-reversed.v1}: the bank reversed a receipt allocated to the
 * pledge (camt.053 {@code RvslInd}, or a debit naming the credit). The state carries the lower
 * {@code paid}, {@code paidUsd} and the status (PARTIALLY_PAID or COMMITTED again). It occurred on
 * the reversal's booking date (never before the payment counted as paid): a consumer lowers paid as
 * of {@code occurredOn}.
 */
public record PledgePaymentReversedV1(
    String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.payment-reversed.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
