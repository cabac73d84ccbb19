package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.jointappeal.pledge.written-off.v1}: a finance officer wrote off the pledge's
 * outstanding remainder; it leaves the figures.
 */
public record PledgeWrittenOffV1(
    String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.written-off.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
