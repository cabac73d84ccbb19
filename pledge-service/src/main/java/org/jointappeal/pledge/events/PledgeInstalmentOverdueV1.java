package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.jointappeal.pledge.instalment-overdue.v1}: an instalment of a committed pledge passed
 * its due date not fully paid and is now OVERDUE. Published once per instalment. It occurred on the
 * day the overdue check found it (the state carried is the pledge as of that day); the due date is
 * the instalment's {@code dueOn}.
 */
public record PledgeInstalmentOverdueV1(
    String appealCode,
    PledgeStateV1 pledge,
    PledgeStateV1.InstalmentV1 instalment,
    LocalDate occurredOn,
    Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.instalment-overdue.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
