package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/** {@code org.jointappeal.pledge.announced.v1}: a donor announced a pledge (not yet funding). */
public record PledgeAnnouncedV1(
    String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.announced.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
