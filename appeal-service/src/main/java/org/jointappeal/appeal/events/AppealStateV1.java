package org.jointappeal.appeal.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.appeal.money.Money;

/** An appeal's full current state, carried by every appeal event. */
public record AppealStateV1(
    String code,
    String title,
    List<String> agencies,
    LocalDate periodStart,
    LocalDate periodEnd,
    String description,
    String status,
    LocalDate launchedOn,
    Money currentRequirements,
    List<Line> requirementLines,
    long version) {

  public record Line(
      UUID lineId,
      String country,
      String agency,
      String sector,
      String category,
      String priority,
      String description,
      Money amount) {}
}
