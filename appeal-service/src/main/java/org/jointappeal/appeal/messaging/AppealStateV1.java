package org.jointappeal.appeal.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.appeal.appeal.Appeal;
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

  public static AppealStateV1 of(Appeal a) {
    return new AppealStateV1(
        a.code(),
        a.title(),
        a.agencies(),
        a.periodStart(),
        a.periodEnd(),
        a.description(),
        a.status().name(),
        a.launchedOn(),
        a.currentRequirements(),
        a.lines().stream()
            .map(
                l ->
                    new Line(
                        l.id(),
                        l.country(),
                        l.agency(),
                        l.sector().name(),
                        l.category().name(),
                        l.priority().name(),
                        l.description(),
                        l.amount()))
            .toList(),
        a.version());
  }
}
