package org.jointappeal.pledge.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.pledge.pledge.Pledge;

/**
 * {@code org.jointappeal.pledge.cancelled.v1}: the donor withdrew the pledge before any payment; it
 * leaves the figures.
 */
public record PledgeCancelledV1(
    String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.cancelled.v1";

  public static PledgeCancelledV1 of(Pledge pledge, Instant recordedAt) {
    return new PledgeCancelledV1(
        pledge.appealCode(), PledgeStateV1.of(pledge), pledge.cancelledOn(), recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
