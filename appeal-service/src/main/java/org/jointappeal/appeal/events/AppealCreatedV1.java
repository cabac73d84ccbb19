package org.jointappeal.appeal.events;

import java.time.Instant;
import java.time.LocalDate;

/** {@code org.jointappeal.appeal.created.v1}: a draft appeal with its requirement lines. */
public record AppealCreatedV1(
    String appealCode, AppealStateV1 appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealEvent {

  public static final String TYPE = "org.jointappeal.appeal.created.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
