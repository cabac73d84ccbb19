package org.jointappeal.pledge.fx;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.idempotency.IdempotencyKey;
import org.jointappeal.pledge.idempotency.IdempotentRequests;
import org.jointappeal.pledge.money.Money;
import org.jointappeal.pledge.paging.Cursor;
import org.jointappeal.pledge.paging.Page;
import org.jointappeal.pledge.paging.PageRequest;

@ApplicationScoped
public class UnoreRateService {

  private final UnoreRateRepository rates;
  private final UnoreRateVersionRepository versions;
  private final IdempotentRequests idempotency;
  private final Clock clock;

  UnoreRateService(
      UnoreRateRepository rates,
      UnoreRateVersionRepository versions,
      IdempotentRequests idempotency,
      Clock clock) {
    this.rates = rates;
    this.versions = versions;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  /**
   * Records a rate. Recording again for the same currency and date with another value is a
   * correction: a new version, with who, when, the value replaced and why. What was valued at the
   * old value keeps it (a pledge is re-valued only when a finance officer asks). The same value
   * again changes nothing.
   */
  @Transactional
  public RateRecorded record(
      String currency,
      LocalDate effectiveFrom,
      BigDecimal unitsPerUsd,
      String reason,
      String actor) {
    if ("USD".equals(currency)) {
      throw DomainRuleViolation.of(
          DomainRule.UNKNOWN_CURRENCY, "USD is the base currency: its rate is 1");
    }
    Money.of(BigDecimal.ONE, currency); // rejects codes that are not ISO 4217 currencies
    Instant now = clock.instant();
    var existing = rates.findExact(currency, effectiveFrom);
    if (existing.isPresent()) {
      var rate = existing.get();
      if (rate.unitsPerUsd().compareTo(unitsPerUsd) == 0) {
        return new RateRecorded(RateView.of(rate), Outcome.UNCHANGED);
      }
      BigDecimal previous = rate.correct(unitsPerUsd, now);
      rates.flush();
      versions.persist(new UnoreRateVersion(rate, previous, reason, actor, now));
      Log.infof(
          "unore rate corrected currency=%s effectiveFrom=%s version=%d",
          currency, effectiveFrom, rate.version());
      return new RateRecorded(RateView.of(rate), Outcome.CORRECTED);
    }
    var rate = new UnoreRate(currency, effectiveFrom, unitsPerUsd, now);
    rates.persist(rate);
    versions.persist(new UnoreRateVersion(rate, null, reason, actor, now));
    Log.infof("unore rate recorded currency=%s effectiveFrom=%s", currency, effectiveFrom);
    return new RateRecorded(RateView.of(rate), Outcome.CREATED);
  }

  /** Test data and demo loaders: a rate recorded by the system, with no reason. */
  @Transactional
  public RateRecorded record(String currency, LocalDate effectiveFrom, BigDecimal unitsPerUsd) {
    return record(currency, effectiveFrom, unitsPerUsd, null, "system");
  }

  /**
   * Records a whole UNORE table, or nothing: every line is checked before any is written. With an
   * Idempotency-Key, a retry of the same table replays the first answer.
   */
  @Transactional
  public Answer<RateTableView> recordTable(String csv, String actor, Optional<IdempotencyKey> key) {
    var table = RateTable.parse(csv);
    if (key.isPresent()) {
      var replay =
          idempotency.claim(actor, key.get(), "record-rate-table", table, RateTableView.class);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    int created = 0;
    int corrected = 0;
    var recorded = new ArrayList<RateView>();
    for (var row : table.rows()) {
      var outcome =
          record(
              row.currency(), row.effectiveFrom(), row.unitsPerUsd(), "rate table upload", actor);
      created += outcome.outcome() == Outcome.CREATED ? 1 : 0;
      corrected += outcome.outcome() == Outcome.CORRECTED ? 1 : 0;
      recorded.add(outcome.rate());
    }
    var answer =
        Answer.ok(
            new RateTableView(
                created, corrected, recorded.size() - created - corrected, List.copyOf(recorded)));
    key.ifPresent(k -> idempotency.complete(actor, k, answer));
    Log.infof(
        "unore table recorded rows=%d created=%d corrected=%d",
        recorded.size(), created, corrected);
    return answer;
  }

  /**
   * A page of the rate table, by currency and effective date: every rate (its current version), or
   * as it was known at an instant (the latest version recorded by then), and optionally only the
   * rates in force on a date ({@code asOf}: per currency the rate that would value an amount dated
   * then; none where that month has no rate). Filtered and ordered in SQL.
   */
  public Page<RateView> list(
      String currencyOrNull, LocalDate asOf, Instant knownAt, PageRequest page) {
    LocalDate earliest = asOf == null ? null : earliestInForce(asOf);
    if (knownAt == null) {
      return Page.of(
              rates.pageOfTable(currencyOrNull, asOf, earliest, page),
              page,
              r -> Cursor.of(r.currency(), r.effectiveFrom()))
          .map(RateView::of);
    }
    return Page.of(
            versions.pageKnownAt(knownAt, currencyOrNull, asOf, earliest, page),
            page,
            v -> Cursor.of(v.currency(), v.effectiveFrom()))
        .map(RateView::of);
  }

  /** A page of the versions of one rate, the first recording first. */
  public Page<RateVersionView> versions(
      String currency, LocalDate effectiveFrom, PageRequest page) {
    return Page.of(
            versions.pageOf(currency, effectiveFrom, page), page, v -> Cursor.of(v.version()))
        .map(RateVersionView::of);
  }

  /**
   * The USD value of an amount on a date, at the UNORE in force then; USD is its own value. A rate
   * counts as in force only if it took effect in the date's month or the month before (monthly
   * rates, and a mid-month correction carrying over): an older rate is not bridged.
   */
  public UsdValue usdValue(Money amount, LocalDate on) {
    return valuationOn(amount.currency(), on).apply(amount);
  }

  /**
   * What {@link #usdValue} does to every amount of one currency on one date, with the rate looked
   * up once: a bank statement import values thousands of credits on a few dates.
   */
  public Function<Money, UsdValue> valuationOn(String currency, LocalDate on) {
    if (currency.equals("USD")) {
      return amount -> new UsdValue(amount, BigDecimal.ONE, on);
    }
    var rate = rates.findInForce(currency, on);
    if (rate.isEmpty() || !coversMonthOf(rate.get().effectiveFrom(), on)) {
      throw DomainRuleViolation.of(
          DomainRule.MISSING_UNORE_RATE,
          "no UN operational rate for %s for %s (%s): %s"
              .formatted(
                  currency,
                  YearMonth.from(on),
                  on,
                  rate.map(r -> "the latest on file took effect on " + r.effectiveFrom())
                      .orElse("none on file before that date")));
    }
    var inForce = rate.get();
    BigDecimal unitsPerUsd = inForce.unitsPerUsd();
    LocalDate effectiveFrom = inForce.effectiveFrom();
    return amount -> new UsdValue(inForce.toUsd(amount), unitsPerUsd, effectiveFrom);
  }

  /** A rate effective in the date's month or the month before may value it. */
  static boolean coversMonthOf(LocalDate effectiveFrom, LocalDate on) {
    return !effectiveFrom.isBefore(earliestInForce(on));
  }

  /** The earliest effective date of a rate that may value a date: the month before's first day. */
  private static LocalDate earliestInForce(LocalDate on) {
    return YearMonth.from(on).minusMonths(1).atDay(1);
  }

  public enum Outcome {
    CREATED,
    CORRECTED,
    UNCHANGED
  }

  public record RateRecorded(RateView rate, Outcome outcome) {}
}
