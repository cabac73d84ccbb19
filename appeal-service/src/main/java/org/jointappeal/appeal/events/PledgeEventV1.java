package org.jointappeal.appeal.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What appeal-service reads from {@code pledge-events}: every pledge event carries its full state.
 */
public sealed interface PledgeEventV1
    permits PledgeEventV1.PledgeChanged, PledgeEventV1.NotOfInterest {

  /**
   * announced.v1, committed.v1 and later state changes: the pledge as it now is, the business date
   * and when pledge-service recorded it (null only from a producer that did not send it).
   */
  record PledgeChanged(
      String type,
      String appealCode,
      PledgeStateV1 pledge,
      LocalDate occurredOn,
      Instant recordedAt)
      implements PledgeEventV1 {}

  /** An event type this service does not act on. */
  record NotOfInterest(String type) implements PledgeEventV1 {}
}
