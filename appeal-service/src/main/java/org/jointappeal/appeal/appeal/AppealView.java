package org.jointappeal.appeal.appeal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.appeal.money.Money;

public record AppealView(
    String code,
    String title,
    List<String> agencies,
    LocalDate periodStart,
    LocalDate periodEnd,
    String description,
    AppealStatus status,
    LocalDate launchedOn,
    LocalDate closedOn,
    Money originalRequirements,
    Money currentRequirements,
    Integer revision,
    List<Line> requirementLines,
    long version) {

  public record Line(
      UUID lineId,
      String country,
      String agency,
      Sector sector,
      CategoryOfConcern category,
      Priority priority,
      String description,
      Money amount) {}

  public static AppealView of(Appeal a) {
    return new AppealView(
        a.code(),
        a.title(),
        a.agencies(),
        a.periodStart(),
        a.periodEnd(),
        a.description(),
        a.status(),
        a.launchedOn(),
        a.closedOn(),
        a.originalRequirements(),
        a.currentRequirements(),
        a.latestRevision().map(AppealRevision::number).orElse(null),
        a.lines().stream()
            .map(
                l ->
                    new Line(
                        l.id(),
                        l.terms().country(),
                        l.terms().agency(),
                        l.terms().sector(),
                        l.terms().category(),
                        l.terms().priority(),
                        l.terms().description(),
                        l.terms().amount()))
            .toList(),
        a.version());
  }
}
