package org.jointappeal.pledge.reconciliation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jointappeal.pledge.money.Money;

/**
 * Sums the figures of pledges: per original currency, exactly, and in USD as sums of values each
 * rounded once where it was converted (a pledge's USD value, its outstanding and written-off
 * remainders, each overdue instalment, each receipt).
 */
final class Ledger {

  private final Map<String, Sums> original = new TreeMap<>();
  private final Sums usd = new Sums("USD");
  private BigDecimal exchangeGainLoss = BigDecimal.ZERO;

  /** Adds a pledge's figures as of a date (see {@link PledgeAsOf}). */
  void add(PledgeAsOf p) {
    var pledge = p.pledge();
    var sums = original.computeIfAbsent(pledge.currency(), Sums::new);
    sums.pledged = sums.pledged.add(pledge.amount());
    usd.pledged = usd.pledged.add(pledge.usdValue());
    if (p.committed()) {
      sums.committed = sums.committed.add(pledge.amount());
      usd.committed = usd.committed.add(pledge.usdValue());
      sums.outstanding = sums.outstanding.add(p.outstanding());
      usd.outstanding = usd.outstanding.add(p.outstandingUsd());
    }
    sums.received = sums.received.add(p.paid());
    usd.received = usd.received.add(p.paidUsd());
    sums.writtenOff = sums.writtenOff.add(p.writtenOff());
    usd.writtenOff = usd.writtenOff.add(p.writtenOffUsd());
    for (int bucket = 0; bucket < 4; bucket++) {
      sums.overdue[bucket] = sums.overdue[bucket].add(p.overdue()[bucket]);
      usd.overdue[bucket] = usd.overdue[bucket].add(p.overdueUsd()[bucket]);
    }
    exchangeGainLoss = exchangeGainLoss.add(p.gain());
  }

  /** Adds one currency's sums as the database summed them (a donor's totals). */
  void add(ReconciliationRepository.CurrencyTotal t) {
    var sums = original.computeIfAbsent(t.currency(), Sums::new);
    sums.pledged = sums.pledged.add(t.pledged());
    sums.committed = sums.committed.add(t.committed());
    sums.received = sums.received.add(t.received());
    sums.outstanding = sums.outstanding.add(t.outstanding());
    sums.writtenOff = sums.writtenOff.add(t.writtenOff());
    usd.pledged = usd.pledged.add(t.usdPledged());
    usd.committed = usd.committed.add(t.usdCommitted());
    usd.received = usd.received.add(t.usdReceived());
    usd.outstanding = usd.outstanding.add(t.usdOutstanding());
    usd.writtenOff = usd.writtenOff.add(t.usdWrittenOff());
    exchangeGainLoss = exchangeGainLoss.add(t.exchangeGainLoss());
  }

  /** Adds one currency's overdue money of one bucket as the database summed it. */
  void add(ReconciliationRepository.OverdueTotal t) {
    var sums = original.computeIfAbsent(t.currency(), Sums::new);
    sums.overdue[t.bucket()] = sums.overdue[t.bucket()].add(t.amount());
    usd.overdue[t.bucket()] = usd.overdue[t.bucket()].add(t.usd());
  }

  /** 1-30, 31-60, 61-90, more than 90 days past due (day 0 is not overdue). */
  static int bucket(long daysPastDue) {
    if (daysPastDue <= 30) {
      return 0;
    }
    if (daysPastDue <= 60) {
      return 1;
    }
    return daysPastDue <= 90 ? 2 : 3;
  }

  void addAll(Ledger other) {
    other.original.forEach(
        (currency, sums) -> original.computeIfAbsent(currency, Sums::new).add(sums));
    usd.add(other.usd);
    exchangeGainLoss = exchangeGainLoss.add(other.exchangeGainLoss);
  }

  List<CurrencyFigures> original() {
    return original.values().stream().map(Sums::toCurrencyFigures).toList();
  }

  UsdFigures usd() {
    return new UsdFigures(
        usd.money(usd.pledged),
        usd.money(usd.committed),
        usd.money(usd.received),
        usd.money(usd.outstanding),
        usd.ageing(),
        usd.money(usd.writtenOff),
        usd.money(exchangeGainLoss));
  }

  private static final class Sums {
    private final String currency;
    private BigDecimal pledged = BigDecimal.ZERO;
    private BigDecimal committed = BigDecimal.ZERO;
    private BigDecimal received = BigDecimal.ZERO;
    private BigDecimal outstanding = BigDecimal.ZERO;
    private BigDecimal writtenOff = BigDecimal.ZERO;
    private final BigDecimal[] overdue = {
      BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO
    };

    Sums(String currency) {
      this.currency = currency;
    }

    void add(Sums other) {
      pledged = pledged.add(other.pledged);
      committed = committed.add(other.committed);
      received = received.add(other.received);
      outstanding = outstanding.add(other.outstanding);
      writtenOff = writtenOff.add(other.writtenOff);
      for (int i = 0; i < overdue.length; i++) {
        overdue[i] = overdue[i].add(other.overdue[i]);
      }
    }

    Money money(BigDecimal amount) {
      return Money.of(amount, currency);
    }

    Ageing ageing() {
      var total = overdue[0].add(overdue[1]).add(overdue[2]).add(overdue[3]);
      return new Ageing(
          money(overdue[0]), money(overdue[1]), money(overdue[2]), money(overdue[3]), money(total));
    }

    CurrencyFigures toCurrencyFigures() {
      return new CurrencyFigures(
          currency,
          money(pledged),
          money(committed),
          money(received),
          money(outstanding),
          ageing(),
          money(writtenOff));
    }
  }
}
