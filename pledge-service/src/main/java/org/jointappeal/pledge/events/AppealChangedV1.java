package org.jointappeal.pledge.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An appeal event carrying the appeal's full state ({@code launched}, {@code revised}, {@code
 * closed}): pledge-service keeps its copy from any of them, the newest version winning.
 */
public sealed interface AppealChangedV1 extends AppealEventV1
    permits AppealLaunchedV1, AppealRevisedV1, AppealClosedV1 {

  String appealCode();

  AppealState appeal();

  /** The fields of the appeal state pledge-service uses. */
  record AppealState(
      String code,
      String title,
      String status,
      LocalDate periodStart,
      LocalDate periodEnd,
      List<Line> requirementLines,
      Amount currentRequirements,
      long version) {}

  /** An amount as the contract carries it (the current requirements are in USD). */
  record Amount(BigDecimal amount, String currency) {}

  record Line(UUID lineId, String country, String agency, String sector) {}
}
