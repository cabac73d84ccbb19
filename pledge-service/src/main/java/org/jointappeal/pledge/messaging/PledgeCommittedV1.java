package org.jointappeal.pledge.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.pledge.pledge.Pledge;

/**
 * {@code org.jointappeal.pledge.committed.v1}: a signed agreement; the pledge now counts as
 * funding.
 */
public record PledgeCommittedV1(
    String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.committed.v1";

  public static PledgeCommittedV1 of(Pledge pledge, Instant recordedAt) {
    return new PledgeCommittedV1(
        pledge.appealCode(), PledgeStateV1.of(pledge), pledge.committedOn(), recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
