package org.jointappeal.appeal.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The funding figures from the requirement lines in force and the pledges' states: a pure function,
 * so the same lines and states always give the same figures, to the cent. Sums are of amounts each
 * rounded once where converted; only coverage is computed (HALF_EVEN, 2 decimals).
 */
final class FundingCalculator {

  private FundingCalculator() {}

  static FundingStatus compute(
      String appealCode,
      LocalDate asOf,
      Integer revision,
      BigDecimal originalRequirements,
      List<RequirementFacts> lines,
      List<Holding> pledges,
      GroupBy groupBy) {
    BigDecimal requirements =
        lines.stream().map(RequirementFacts::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<UUID, RequirementFacts> byId =
        lines.stream()
            .collect(
                Collectors.toMap(
                    RequirementFacts::lineId,
                    Function.identity(),
                    (a, b) -> a,
                    LinkedHashMap::new));
    var total = Holding.Amounts.NONE;
    BigDecimal writtenOff = BigDecimal.ZERO;
    for (Holding p : pledges) {
      total = total.plus(p.amounts());
      writtenOff = writtenOff.add(p.writtenOff());
    }
    var totals = GroupFunding.of(null, requirements, total);

    // per line: only money tightly earmarked to a line in force
    Map<String, Holding.Amounts> perLine = new LinkedHashMap<>();
    var linesNotSpecified = Holding.Amounts.NONE;
    for (Holding p : pledges) {
      var line = tightLine(p, byId);
      if (line.isPresent()) {
        perLine.merge(line.get().lineId().toString(), p.amounts(), Holding.Amounts::plus);
      } else {
        linesNotSpecified = linesNotSpecified.plus(p.amounts());
      }
    }
    List<LineFunding> lineFigures = new ArrayList<>();
    for (RequirementFacts line : lines) {
      lineFigures.add(
          LineFunding.of(
              line,
              GroupFunding.of(
                  null,
                  line.amount(),
                  perLine.getOrDefault(line.lineId().toString(), Holding.Amounts.NONE))));
    }

    List<GroupFunding> groups = null;
    GroupFunding groupsNotSpecified = null;
    if (groupBy != null) {
      Map<String, BigDecimal> groupRequirements = new TreeMap<>();
      if (groupBy.ofLines()) {
        for (RequirementFacts line : lines) {
          groupRequirements.merge(attribute(line, groupBy), line.amount(), BigDecimal::add);
        }
      }
      Map<String, Holding.Amounts> groupAmounts = new TreeMap<>();
      var notSpecified = Holding.Amounts.NONE;
      for (Holding p : pledges) {
        var key = keyOf(p, groupBy, byId);
        if (key.isPresent()) {
          groupAmounts.merge(key.get(), p.amounts(), Holding.Amounts::plus);
        } else {
          notSpecified = notSpecified.plus(p.amounts());
        }
      }
      var keys = new TreeMap<String, Boolean>();
      groupRequirements.keySet().forEach(k -> keys.put(k, true));
      groupAmounts.keySet().forEach(k -> keys.put(k, true));
      groups = new ArrayList<>();
      for (String key : keys.keySet()) {
        BigDecimal groupRequirement =
            groupBy.ofLines() ? groupRequirements.getOrDefault(key, BigDecimal.ZERO) : null;
        groups.add(
            GroupFunding.of(
                key, groupRequirement, groupAmounts.getOrDefault(key, Holding.Amounts.NONE)));
      }
      groupsNotSpecified = GroupFunding.of(null, null, notSpecified);
    }

    return new FundingStatus(
        appealCode,
        asOf,
        revision,
        GroupFunding.usd(originalRequirements),
        totals.currentRequirements(),
        totals.pledged(),
        totals.committed(),
        totals.paid(),
        totals.funding(),
        totals.coveragePercent(),
        totals.unmet(),
        GroupFunding.usd(writtenOff),
        lineFigures,
        GroupFunding.of(null, null, linesNotSpecified),
        groupBy == null ? null : groupBy.parameter(),
        groups,
        groupsNotSpecified);
  }

  private static Optional<RequirementFacts> tightLine(
      Holding p, Map<UUID, RequirementFacts> lines) {
    if (p.level() != EarmarkingLevel.TIGHTLY_EARMARKED || p.lineId() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(lines.get(p.lineId()));
  }

  /**
   * The group a pledge's money counts in, if its earmarking names it: a line in force names all of
   * its attributes; otherwise only what the earmarking states explicitly (agency, country, sector).
   * Unearmarked money names nothing but its donor and level.
   */
  private static Optional<String> keyOf(
      Holding p, GroupBy groupBy, Map<UUID, RequirementFacts> lines) {
    if (groupBy == GroupBy.DONOR) {
      return Optional.of(p.donorCode());
    }
    if (groupBy == GroupBy.EARMARKING) {
      return Optional.of(p.level().name());
    }
    var line = tightLine(p, lines);
    if (line.isPresent()) {
      return Optional.of(attribute(line.get(), groupBy));
    }
    if (p.level() == EarmarkingLevel.UNEARMARKED) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (groupBy) {
          case COUNTRY -> p.country();
          case AGENCY -> p.agency();
          case SECTOR -> p.level() == EarmarkingLevel.SOFTLY_EARMARKED ? null : p.sector();
          default -> null;
        });
  }

  private static String attribute(RequirementFacts line, GroupBy groupBy) {
    return switch (groupBy) {
      case COUNTRY -> line.country();
      case AGENCY -> line.agency();
      case SECTOR -> line.sector();
      case CATEGORY -> line.category();
      case PRIORITY -> line.priority();
      default -> throw new IllegalArgumentException(groupBy + " is not a line attribute");
    };
  }
}
