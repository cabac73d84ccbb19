package org.jointappeal.appeal.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.jointappeal.appeal.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Property-style: for random requirement lines and random pledge states, every grouping adds up to
 * the appeal's totals to the cent, and the figures do not depend on the order of the states.
 */
class FundingCalculatorPropertyTest {

  private static final int TRIALS = 300;
  private static final String[] COUNTRIES = {"GEO", "TJK", "ARM", "XRG"};
  private static final String[] AGENCIES = {"UNHCR", "IOM"};
  private static final String[] SECTORS = {
    "PROTECTION", "MIGRATION_MANAGEMENT", "CAPACITY_BUILDING"
  };
  private static final String[] CATEGORIES = {"REFUGEES", "RETURNEES"};
  private static final String[] PRIORITIES = {"EMERGENCY", "NON_EMERGENCY"};
  private static final String[] DONORS = {"NOR", "SWE", "CHE", "USA", "JPN"};

  @Test
  void everyGroupingAddsUpToTheAppealTotalsToTheCent() {
    for (int trial = 0; trial < TRIALS; trial++) {
      var random = new Random(trial);
      var lines = lines(random);
      var pledges = pledges(random, lines);
      for (GroupBy groupBy : GroupBy.values()) {
        var status =
            FundingCalculator.compute("T", null, 0, BigDecimal.ONE, lines, pledges, groupBy);
        var groups = new ArrayList<>(status.groups());
        groups.add(status.groupsNotSpecified());
        String context = "trial " + trial + " groupBy " + groupBy;
        assertThat(sum(groups, GroupFunding::pledged)).as(context).isEqualTo(status.pledged());
        assertThat(sum(groups, GroupFunding::committed)).as(context).isEqualTo(status.committed());
        assertThat(sum(groups, GroupFunding::paid)).as(context).isEqualTo(status.paid());
        assertThat(sum(groups, GroupFunding::funding)).as(context).isEqualTo(status.funding());
        if (groupBy.ofLines()) {
          assertThat(sum(status.groups(), GroupFunding::currentRequirements))
              .as(context)
              .isEqualTo(status.currentRequirements());
        }
      }
    }
  }

  @Test
  void theLinesAndTheNotSpecifiedAddUpToTheAppealTotalsToTheCent() {
    for (int trial = 0; trial < TRIALS; trial++) {
      var random = new Random(1000 + trial);
      var lines = lines(random);
      var status =
          FundingCalculator.compute(
              "T", null, 0, BigDecimal.ONE, lines, pledges(random, lines), null);
      var notSpecified = status.requirementLinesNotSpecified();
      assertThat(
              sum(status.requirementLines(), LineFunding::funding)
                  .amount()
                  .add(notSpecified.funding().amount()))
          .as("trial %d", trial)
          .isEqualByComparingTo(status.funding().amount());
      assertThat(
              sum(status.requirementLines(), LineFunding::pledged)
                  .amount()
                  .add(notSpecified.pledged().amount()))
          .as("trial %d", trial)
          .isEqualByComparingTo(status.pledged().amount());
      assertThat(sum(status.requirementLines(), LineFunding::currentRequirements))
          .isEqualTo(status.currentRequirements());
    }
  }

  @Test
  void theFiguresDoNotDependOnTheOrderOfThePledgeStates() {
    for (int trial = 0; trial < TRIALS; trial++) {
      var random = new Random(2000 + trial);
      var lines = lines(random);
      var pledges = pledges(random, lines);
      var shuffled = new ArrayList<>(pledges);
      Collections.shuffle(shuffled, random);
      for (GroupBy groupBy : GroupBy.values()) {
        assertThat(
                FundingCalculator.compute("T", null, 0, BigDecimal.ONE, lines, shuffled, groupBy))
            .as("trial %d groupBy %s", trial, groupBy)
            .isEqualTo(
                FundingCalculator.compute("T", null, 0, BigDecimal.ONE, lines, pledges, groupBy));
      }
    }
  }

  private static <T> Money sum(List<T> items, Function<T, Money> amount) {
    return Money.of(
        items.stream().map(amount).map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
        "USD");
  }

  private static List<RequirementFacts> lines(Random random) {
    var lines = new ArrayList<RequirementFacts>();
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      lines.add(
          new RequirementFacts(
              UUID.randomUUID(),
              pick(random, COUNTRIES),
              pick(random, AGENCIES),
              pick(random, SECTORS),
              pick(random, CATEGORIES),
              pick(random, PRIORITIES),
              cents(random)));
    }
    return lines;
  }

  private static List<Holding> pledges(Random random, List<RequirementFacts> lines) {
    var pledges = new ArrayList<Holding>();
    int count = random.nextInt(30);
    for (int i = 0; i < count; i++) {
      var level = EarmarkingLevel.values()[random.nextInt(EarmarkingLevel.values().length)];
      UUID lineId =
          random.nextInt(5) == 0
              ? UUID.randomUUID() // a line no longer (or not yet) in force
              : lines.get(random.nextInt(lines.size())).lineId();
      pledges.add(
          new Holding(
              new PledgePosition.Keys(
                  pick(random, DONORS),
                  level,
                  level == EarmarkingLevel.TIGHTLY_EARMARKED ? lineId : null,
                  random.nextBoolean() ? pick(random, COUNTRIES) : null,
                  random.nextBoolean() ? pick(random, AGENCIES) : null,
                  random.nextBoolean() ? pick(random, SECTORS) : null),
              new PledgePosition.Counted(
                  random.nextBoolean() ? cents(random) : BigDecimal.ZERO,
                  random.nextBoolean() ? cents(random) : BigDecimal.ZERO,
                  random.nextBoolean() ? cents(random) : BigDecimal.ZERO,
                  random.nextBoolean() ? cents(random) : BigDecimal.ZERO)));
    }
    return pledges;
  }

  private static BigDecimal cents(Random random) {
    return BigDecimal.valueOf(random.nextInt(100_000_000), 2);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
