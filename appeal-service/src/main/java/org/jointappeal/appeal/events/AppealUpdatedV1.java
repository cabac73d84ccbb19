package org.jointappeal.appeal.events;

import java.time.Instant;
import java.time.LocalDate;

/** {@code org.jointappeal.appeal.updated.v1}: a draft was restated as a whole. */
public record AppealUpdatedV1(
    String appealCode, AppealStateV1 appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealEvent {

  public static final String TYPE = "org.jointappeal.appeal.updated.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
