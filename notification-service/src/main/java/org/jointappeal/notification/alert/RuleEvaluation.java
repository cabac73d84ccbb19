package org.jointappeal.notification.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointappeal.notification.Money;
import org.jointappeal.notification.alert.Observation.Figures;
import org.jointappeal.notification.events.FundingChangedV1.LineGroup;
import org.jointappeal.notification.known.AppealCoverage;
import org.jointappeal.notification.known.AppealProjection;
import org.jointappeal.notification.known.Coverage;
import org.jointappeal.notification.known.KnownAppeal;
import org.jointappeal.notification.known.KnownPledge;
import org.jointappeal.notification.known.KnownReceipt;

/**
 * What a rule sees, kind by kind: one observation per thing it could alert on, firing or not, so
 * that a resolved alert shows the numbers that resolved it. Pure: the clock's day and instant come
 * in.
 */
final class RuleEvaluation {

  static final String APPEAL = "appeal";
  static final String DONOR = "donor";
  static final String LEVEL = "level";

  private RuleEvaluation() {}

  /**
   * Appeal-level, or one observation per line group of the rule's dimension. Before the rule's
   * date, or before its share of the appeal period has passed (unknown period: not yet), nothing is
   * in a gap.
   */
  static List<Observation> fundingGap(
      AlertRule rule, AppealCoverage coverage, KnownAppeal periodOrNull, LocalDate today) {
    String appeal = coverage.appealCode();
    BigDecimal elapsed = periodOrNull == null ? null : periodOrNull.elapsedPercentOn(today);
    boolean active =
        rule.isActiveOn(today)
            && (rule.fromPeriodSharePercent() == null
                || (elapsed != null && elapsed.compareTo(rule.fromPeriodSharePercent()) >= 0));
    if (rule.groupBy() == null) {
      var scope = Map.of(APPEAL, appeal, LEVEL, "appeal");
      return List.of(
          gapObservation(
              rule,
              appeal,
              scope,
              appeal,
              active,
              coverage.coverage(),
              coverage.unmetUsd(),
              elapsed));
    }
    List<Observation> seen = new ArrayList<>();
    // an older producer sent no groups: no line alert can be measured
    var groups =
        coverage.groups() == null ? List.<LineGroup>of() : coverage.groups().of(rule.groupBy());
    for (LineGroup group : groups) {
      String key = group.key();
      if (key == null || (rule.groupValue() != null && !rule.groupValue().equals(key))) {
        continue; // "not specified" has no requirements of its own
      }
      var scope = new LinkedHashMap<String, String>();
      scope.put(APPEAL, appeal);
      scope.put(LEVEL, "line");
      scope.put(rule.groupBy(), key);
      seen.add(
          gapObservation(
              rule,
              appeal,
              scope,
              appeal + " " + lines(rule.groupBy(), key),
              active,
              new Coverage(
                  amount(group.funding()),
                  amount(group.currentRequirements()),
                  group.coveragePercent()),
              amount(group.unmet()),
              elapsed));
    }
    return seen;
  }

  /**
   * The appeal's median projection at period end against the threshold, while at least the rule's
   * months of the period are left at the projection's asOf (and the rule is active on that date).
   */
  static Observation projectedGap(AlertRule rule, AppealProjection p) {
    String appeal = p.appealCode();
    boolean active =
        rule.isActiveOn(p.asOf())
            && rule.minMonthsLeft() != null
            && p.monthsLeft() >= rule.minMonthsLeft();
    String summary =
        "%s: projected %s funded at period end %s (p50; p10 %s, p90 %s; threshold %s), %s unmet,"
                .formatted(
                    appeal,
                    AlertText.percent(p.p50CoveragePercent()),
                    p.periodEnd(),
                    AlertText.percent(p.p10CoveragePercent()),
                    AlertText.percent(p.p90CoveragePercent()),
                    AlertText.percent(rule.thresholdPercent()),
                    AlertText.usd(p.unmetAtMedianUsd()))
            + " %d months left as of %s".formatted(p.monthsLeft(), p.asOf());
    return new Observation(
        appeal,
        appeal,
        Map.of(APPEAL, appeal, LEVEL, "appeal"),
        active && p.medianBelow(rule.thresholdPercent()),
        summary,
        new Figures(
            p.p50CoveragePercent(),
            rule.thresholdPercent(),
            p.unmetAtMedianUsd(),
            null,
            null,
            null));
  }

  private static Observation gapObservation(
      AlertRule rule,
      String appeal,
      Map<String, String> scope,
      String what,
      boolean active,
      Coverage coverage,
      BigDecimal unmet,
      BigDecimal elapsed) {
    BigDecimal shown = coverage.shownAgainst(rule.thresholdPercent());
    String summary =
        shown == null
            ? what + ": coverage unknown (no requirements)"
            : "%s: %s funded (threshold %s), %s unmet%s"
                .formatted(
                    what,
                    AlertText.percent(shown),
                    AlertText.percent(rule.thresholdPercent()),
                    AlertText.usd(unmet),
                    elapsed == null
                        ? ""
                        : ", " + AlertText.percent(elapsed) + " of the period elapsed");
    return new Observation(
        appeal,
        appeal,
        scope,
        active && rule.isGap(coverage),
        summary,
        new Figures(
            coverage.roundedPercent(), rule.thresholdPercent(), unmet, elapsed, null, null));
  }

  /** "non-emergency lines" for a priority, "sector HEALTH lines" for the other dimensions. */
  private static String lines(String dimension, String key) {
    if ("priority".equals(dimension)) {
      return key.toLowerCase(Locale.ROOT).replace('_', '-') + " lines";
    }
    return dimension + " " + key + " lines";
  }

  /**
   * One observation per instalment of a pledge: unpaid and in the rule's ageing bucket or a later
   * one ({@link Ageing}). Only a committed or partly paid pledge owes its instalments: an announced
   * one is not binding, a cancelled or written-off one no longer expected, as pledge-service's
   * overdue check and reconciliation have it.
   */
  static List<Observation> overdueInstalments(AlertRule rule, KnownPledge pledge, LocalDate today) {
    Ageing ruleBucket = Ageing.after(rule.minDaysOverdue());
    List<Observation> seen = new ArrayList<>();
    for (KnownPledge.Instalment i : pledge.instalments()) {
      long daysPastDue = Ageing.daysPastDue(i.dueOn(), today);
      Ageing bucket = Ageing.of(daysPastDue);
      boolean unpaid = pledge.owed() && !i.settled() && i.outstanding().signum() > 0;
      var outstanding = Money.of(i.outstanding(), i.currency());
      var scope = pledgeScope(pledge);
      scope.put("instalment", Integer.toString(i.number()));
      scope.put("bucket", Integer.toString(rule.minDaysOverdue()));
      String summary;
      if (!pledge.owed()) {
        summary =
            "%s: %s pledge instalment %d due %s not owed (pledge %s)"
                .formatted(
                    pledge.appealCode(),
                    pledge.donorCode(),
                    i.number(),
                    i.dueOn(),
                    pledge.status());
      } else if (unpaid) {
        summary =
            "%s: %s pledge instalment %d due %s unpaid for %d days%s, %s outstanding"
                .formatted(
                    pledge.appealCode(),
                    pledge.donorCode(),
                    i.number(),
                    i.dueOn(),
                    Math.max(0, daysPastDue),
                    bucket == null ? "" : " (" + bucket.label() + " days past due)",
                    AlertText.money(outstanding));
      } else {
        summary =
            "%s: %s pledge instalment %d due %s settled (%s)"
                .formatted(
                    pledge.appealCode(), pledge.donorCode(), i.number(), i.dueOn(), i.status());
      }
      seen.add(
          new Observation(
              pledge.pledgeId().toString(),
              pledge.appealCode(),
              scope,
              rule.isActiveOn(today) && unpaid && ruleBucket.reached(bucket),
              summary,
              Figures.of(outstanding, (int) Math.max(0, daysPastDue))));
    }
    return seen;
  }

  /**
   * Event-like kinds: a status reached (cancelled, written off) or a size (large pledge) fires
   * once, and the alert resolves {@code resolveAfter} after the event's recorded time.
   */
  static Observation pledgeEvent(AlertRule rule, KnownPledge pledge, LocalDate today, Instant now) {
    boolean holds;
    Instant since;
    String what;
    switch (rule.kind()) {
      case PLEDGE_CANCELLED -> {
        holds = KnownPledge.CANCELLED.equals(pledge.status());
        since = pledge.statusSince();
        what = "cancelled";
      }
      case PLEDGE_WRITTEN_OFF -> {
        holds = KnownPledge.WRITTEN_OFF.equals(pledge.status());
        since = pledge.statusSince();
        what = "written off";
      }
      case LARGE_PLEDGE -> {
        holds = pledge.usdValue().compareTo(rule.minAmountUsd()) >= 0;
        since = pledge.announcedAt();
        what = "announced (at least " + AlertText.usd(rule.minAmountUsd()) + ")";
      }
      default -> throw new IllegalArgumentException("not a pledge event kind: " + rule.kind());
    }
    boolean recent = now.isBefore(since.plus(rule.resolveAfter()));
    String summary =
        "%s: %s pledge of %s %s%s"
            .formatted(
                pledge.appealCode(),
                pledge.donorCode(),
                AlertText.usd(pledge.usdValue()),
                what,
                holds && !recent ? ", " + rule.resolveAfter() + " ago" : "");
    return new Observation(
        pledge.pledgeId().toString(),
        pledge.appealCode(),
        pledgeScope(pledge),
        rule.isActiveOn(today) && holds && recent,
        holds
            ? summary
            : "%s: %s pledge now %s"
                .formatted(pledge.appealCode(), pledge.donorCode(), pledge.status()),
        Figures.of(Money.usd(pledge.usdValue()), null));
  }

  /** A receipt with money unallocated at least the rule's days since its value date. */
  static Observation unmatchedReceipt(AlertRule rule, KnownReceipt receipt, LocalDate today) {
    long days = Math.max(0, ChronoUnit.DAYS.between(receipt.valueDate(), today));
    var unallocated = Money.of(receipt.unallocated(), receipt.currency());
    boolean open = receipt.unallocated().signum() > 0;
    var scope = new LinkedHashMap<String, String>();
    scope.put(DONOR, receipt.donorCode());
    scope.put("receipt", receipt.receiptId().toString());
    String summary =
        open
            ? "%s receipt of value date %s: %s unallocated for %d days"
                .formatted(
                    receipt.donorCode(), receipt.valueDate(), AlertText.money(unallocated), days)
            : "%s receipt of value date %s: fully allocated"
                .formatted(receipt.donorCode(), receipt.valueDate());
    return new Observation(
        receipt.receiptId().toString(),
        null,
        scope,
        rule.isActiveOn(today) && open && days >= rule.minDaysUnallocated(),
        summary,
        Figures.of(unallocated, (int) days));
  }

  private static Map<String, String> pledgeScope(KnownPledge pledge) {
    var scope = new LinkedHashMap<String, String>();
    scope.put(APPEAL, pledge.appealCode());
    scope.put(DONOR, pledge.donorCode());
    scope.put("pledge", pledge.pledgeId().toString());
    return scope;
  }

  private static BigDecimal amount(Money usd) {
    return usd == null ? null : usd.amount();
  }
}
