package org.jointappeal.appeal.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.appeal.appeal.Appeal;

/** {@code org.jointappeal.appeal.closed.v1}: the appeal is closed: no new pledges. */
public record AppealClosedV1(
    String appealCode, AppealStateV1 appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealEvent {

  public static final String TYPE = "org.jointappeal.appeal.closed.v1";

  public static AppealClosedV1 of(Appeal appeal, LocalDate occurredOn, Instant recordedAt) {
    return new AppealClosedV1(appeal.code(), AppealStateV1.of(appeal), occurredOn, recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
