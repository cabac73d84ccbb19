package org.jointappeal.appeal.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.appeal.appeal.Appeal;

/** {@code org.jointappeal.appeal.updated.v1}: a draft was restated as a whole. */
public record AppealUpdatedV1(
    String appealCode, AppealStateV1 appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealEvent {

  public static final String TYPE = "org.jointappeal.appeal.updated.v1";

  public static AppealUpdatedV1 of(Appeal appeal, LocalDate occurredOn, Instant recordedAt) {
    return new AppealUpdatedV1(appeal.code(), AppealStateV1.of(appeal), occurredOn, recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
