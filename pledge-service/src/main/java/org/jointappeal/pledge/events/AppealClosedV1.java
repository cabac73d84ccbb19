package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/** {@code org.jointappeal.appeal.closed.v1}: the appeal takes no new pledges. */
public record AppealClosedV1(
    String appealCode, AppealState appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealChangedV1 {

  public static final String TYPE = "org.jointappeal.appeal.closed.v1";
}
