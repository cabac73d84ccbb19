package org.jointappeal.pledge.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.pledge.pledge.Pledge;

/** {@code org.jointappeal.pledge.announced.v1}: a donor announced a pledge (not yet funding). */
public record PledgeAnnouncedV1(
    String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.announced.v1";

  public static PledgeAnnouncedV1 of(Pledge pledge, Instant recordedAt) {
    return new PledgeAnnouncedV1(
        pledge.appealCode(), PledgeStateV1.of(pledge), pledge.announcedOn(), recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
