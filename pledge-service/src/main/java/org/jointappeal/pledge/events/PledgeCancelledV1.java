package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.jointappeal.pledge.cancelled.v1}: the donor withdrew the pledge before any payment; it
 * leaves the figures.
 */
public record PledgeCancelledV1(
    String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.cancelled.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
