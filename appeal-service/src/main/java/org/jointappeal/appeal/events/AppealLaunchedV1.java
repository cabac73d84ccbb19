package org.jointappeal.appeal.events;

import java.time.Instant;
import java.time.LocalDate;

/** {@code org.jointappeal.appeal.launched.v1}: the appeal is published and open for pledges. */
public record AppealLaunchedV1(
    String appealCode, AppealStateV1 appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealEvent {

  public static final String TYPE = "org.jointappeal.appeal.launched.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
