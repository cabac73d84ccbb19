package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/** {@code org.jointappeal.appeal.launched.v1}: the fields of the contract pledge-service uses. */
public record AppealLaunchedV1(
    String appealCode, AppealState appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealChangedV1 {

  public static final String TYPE = "org.jointappeal.appeal.launched.v1";
}
