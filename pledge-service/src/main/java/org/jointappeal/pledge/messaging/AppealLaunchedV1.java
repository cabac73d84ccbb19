package org.jointappeal.pledge.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code org.jointappeal.appeal.launched.v1}: the fields of the contract pledge-service uses. */
public record AppealLaunchedV1(
    String appealCode, AppealState appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealEventV1 {

  public static final String TYPE = "org.jointappeal.appeal.launched.v1";

  public record AppealState(
      String code,
      String title,
      String status,
      LocalDate periodStart,
      LocalDate periodEnd,
      List<Line> requirementLines,
      long version) {}

  public record Line(UUID lineId, String country, String agency, String sector) {}
}
