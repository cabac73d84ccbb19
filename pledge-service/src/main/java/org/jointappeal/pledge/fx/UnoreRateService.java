package org.jointappeal.pledge.fx;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.idempotency.IdempotencyKey;
import org.jointappeal.pledge.idempotency.IdempotentRequests;
import org.jointappeal.pledge.money.Money;

@ApplicationScoped
public class UnoreRateService {

  private final UnoreRateRepository rates;
  private final IdempotentRequests idempotency;
  private final Clock clock;

  UnoreRateService(UnoreRateRepository rates, IdempotentRequests idempotency, Clock clock) {
    this.rates = rates;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  /** Records a rate; a second call for the same currency and date revises it. */
  @Transactional
  public RateRecorded record(String currency, LocalDate effectiveFrom, BigDecimal unitsPerUsd) {
    if ("USD".equals(currency)) {
      throw DomainRuleViolation.of(
          DomainRule.UNKNOWN_CURRENCY, "USD is the base currency: its rate is 1");
    }
    Money.of(BigDecimal.ONE, currency); // rejects codes that are not ISO 4217 currencies
    var existing = rates.findExact(currency, effectiveFrom);
    if (existing.isPresent()) {
      existing.get().revise(unitsPerUsd, clock.instant());
      Log.infof("unore rate revised currency=%s effectiveFrom=%s", currency, effectiveFrom);
      return new RateRecorded(RateView.of(existing.get()), false);
    }
    var rate = new UnoreRate(currency, effectiveFrom, unitsPerUsd, clock.instant());
    rates.persist(rate);
    Log.infof("unore rate recorded currency=%s effectiveFrom=%s", currency, effectiveFrom);
    return new RateRecorded(RateView.of(rate), true);
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
    var recorded = new java.util.ArrayList<RateView>();
    for (var row : table.rows()) {
      var outcome = record(row.currency(), row.effectiveFrom(), row.unitsPerUsd());
      created += outcome.created() ? 1 : 0;
      recorded.add(outcome.rate());
    }
    var answer =
        Answer.ok(new RateTableView(created, recorded.size() - created, List.copyOf(recorded)));
    key.ifPresent(k -> idempotency.complete(actor, k, answer));
    Log.infof("unore table recorded rows=%d created=%d", recorded.size(), created);
    return answer;
  }

  public List<RateView> list(String currencyOrNull) {
    var found =
        currencyOrNull == null ? rates.findAllOrdered() : rates.findByCurrency(currencyOrNull);
    return found.stream().map(RateView::of).toList();
  }

  /** The USD value of an amount on a date, at the UNORE in force then; USD is its own value. */
  public UsdValue usdValue(Money amount, LocalDate on) {
    if (amount.isIn("USD")) {
      return new UsdValue(amount, BigDecimal.ONE, on);
    }
    var rate =
        rates
            .findInForce(amount.currency(), on)
            .orElseThrow(
                () ->
                    DomainRuleViolation.of(
                        DomainRule.MISSING_UNORE_RATE,
                        "no UN operational rate for %s in force on %s"
                            .formatted(amount.currency(), on)));
    return new UsdValue(rate.toUsd(amount), rate.unitsPerUsd(), rate.effectiveFrom());
  }

  public record RateRecorded(RateView rate, boolean created) {}
}
