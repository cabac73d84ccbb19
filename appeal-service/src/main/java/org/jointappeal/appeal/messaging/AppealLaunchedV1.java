package org.jointappeal.appeal.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.appeal.appeal.Appeal;

/** {@code org.jointappeal.appeal.launched.v1}: the appeal is published and open for pledges. */
public record AppealLaunchedV1(
    String appealCode, AppealStateV1 appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealEvent {

  public static final String TYPE = "org.jointappeal.appeal.launched.v1";

  public static AppealLaunchedV1 of(Appeal appeal, Instant recordedAt) {
    return new AppealLaunchedV1(
        appeal.code(), AppealStateV1.of(appeal), appeal.launchedOn(), recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
