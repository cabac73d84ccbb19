package org.jointappeal.pledge.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.pledge.pledge.Pledge;

/**
 * {@code org.jointappeal.pledge.written-off.v1}: a finance officer wrote off the pledge's
 * outstanding remainder; it leaves the figures.
 */
public record PledgeWrittenOffV1(
    String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.written-off.v1";

  public static PledgeWrittenOffV1 of(Pledge pledge, Instant recordedAt) {
    return new PledgeWrittenOffV1(
        pledge.appealCode(), PledgeStateV1.of(pledge), pledge.writtenOffOn(), recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
