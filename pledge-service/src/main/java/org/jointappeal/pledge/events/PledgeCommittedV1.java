package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.jointappeal.pledge.committed.v1}: a signed agreement; the pledge now counts as
 * funding.
 */
public record PledgeCommittedV1(
    String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.committed.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
