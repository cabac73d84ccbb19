package org.jointappeal.pledge.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jointappeal.pledge.fx.UnoreRate;
import org.jointappeal.pledge.money.Money;
import org.jointappeal.pledge.pledge.Instalment;
import org.jointappeal.pledge.pledge.Pledge;
import org.jointappeal.pledge.pledge.PledgeStatus;

/**
 * Sums the figures of pledges: per original currency, exactly, and in USD as sums of values each
 * rounded once where it was converted (a pledge's USD value, its outstanding and written-off
 * remainders, each overdue instalment, each receipt).
 */
final class Ledger {

  private final Map<String, Sums> original = new TreeMap<>();
  private final Sums usd = new Sums("USD");
  private BigDecimal exchangeGainLoss = BigDecimal.ZERO;

  /** Adds a pledge (not cancelled) and the realised gain or loss of its allocations. */
  void add(Pledge pledge, BigDecimal gainLoss, LocalDate asOf) {
    String currency = pledge.amount().currency();
    var sums = original.computeIfAbsent(currency, Sums::new);
    boolean committed = pledge.status() != PledgeStatus.ANNOUNCED;
    sums.pledged = sums.pledged.add(pledge.amount().amount());
    usd.pledged = usd.pledged.add(pledge.usdValue().amount());
    if (committed) {
      sums.committed = sums.committed.add(pledge.amount().amount());
      usd.committed = usd.committed.add(pledge.usdValue().amount());
      sums.outstanding = sums.outstanding.add(pledge.outstanding().amount());
      usd.outstanding = usd.outstanding.add(pledge.outstandingUsd().amount());
    }
    sums.received = sums.received.add(pledge.paid().amount());
    usd.received = usd.received.add(pledge.paidUsd().amount());
    sums.writtenOff = sums.writtenOff.add(pledge.writtenOff().amount());
    usd.writtenOff = usd.writtenOff.add(pledge.writtenOffUsd().amount());
    if (pledge.status() == PledgeStatus.COMMITTED
        || pledge.status() == PledgeStatus.PARTIALLY_PAID) {
      for (Instalment instalment : pledge.instalments()) {
        addOverdue(pledge, instalment, asOf, sums);
      }
    }
    exchangeGainLoss = exchangeGainLoss.add(gainLoss);
  }

  /** Past due on {@code asOf} (due before it) and not fully paid nor written off. */
  private void addOverdue(Pledge pledge, Instalment instalment, LocalDate asOf, Sums sums) {
    var unpaid = instalment.amount().subtract(instalment.paid()).subtract(instalment.writtenOff());
    if (unpaid.signum() <= 0 || !instalment.dueOn().isBefore(asOf)) {
      return;
    }
    int bucket = bucket(ChronoUnit.DAYS.between(instalment.dueOn(), asOf));
    var unpaidUsd =
        UnoreRate.atRate(Money.of(unpaid, pledge.amount().currency()), pledge.unitsPerUsd());
    sums.overdue[bucket] = sums.overdue[bucket].add(unpaid);
    usd.overdue[bucket] = usd.overdue[bucket].add(unpaidUsd.amount());
  }

  /** 0-30, 31-60, 61-90, more than 90 days past due. */
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
