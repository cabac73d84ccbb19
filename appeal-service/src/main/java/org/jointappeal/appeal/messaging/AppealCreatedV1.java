package org.jointappeal.appeal.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.appeal.appeal.Appeal;

/** {@code org.jointappeal.appeal.created.v1}: a draft appeal with its requirement lines. */
public record AppealCreatedV1(
    String appealCode, AppealStateV1 appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealEvent {

  public static final String TYPE = "org.jointappeal.appeal.created.v1";

  public static AppealCreatedV1 of(Appeal appeal, LocalDate createdOn, Instant recordedAt) {
    return new AppealCreatedV1(appeal.code(), AppealStateV1.of(appeal), createdOn, recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
