package org.jointappeal.notification.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every appeal event ({@code org.jointappeal.appeal.created.v1}, {@code updated}, {@code launched},
 * {@code revised}, {@code closed}) carries the appeal's full state; this service takes only its
 * period, for rules that wait for a share of it to pass.
 */
public record AppealChangedV1(
    String appealCode, AppealStateV1 appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealEventV1 {

  public static final List<String> TYPES =
      List.of(
          "org.jointappeal.appeal.created.v1",
          "org.jointappeal.appeal.updated.v1",
          "org.jointappeal.appeal.launched.v1",
          "org.jointappeal.appeal.revised.v1",
          "org.jointappeal.appeal.closed.v1");

  public record AppealStateV1(
      String code, LocalDate periodStart, LocalDate periodEnd, long version) {}
}
