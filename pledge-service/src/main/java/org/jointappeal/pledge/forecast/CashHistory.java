package org.jointappeal.pledge.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Facts the forecast learns from and projects: appeals, pledges with their instalments and paid
 * parts, and UN operational rates. Statuses are not carried: they follow from the dates (announced,
 * committed, cancelled, written off, paid), so that cutting the facts at a date also cuts the
 * statuses and no status of today leaks into a forecast of the past.
 */
public record CashHistory(
    List<AppealFact> appeals, List<PledgeFact> pledges, List<RateFact> rates) {

  public CashHistory {
    appeals = List.copyOf(appeals);
    pledges = List.copyOf(pledges);
    rates = List.copyOf(rates);
  }

  /** An appeal: its period and its current requirements in USD (as of the forecast's date). */
  public record AppealFact(
      String code, LocalDate periodStart, LocalDate periodEnd, BigDecimal requirementsUsd) {
    public AppealFact {
      Objects.requireNonNull(code);
      Objects.requireNonNull(periodEnd);
    }
  }

  /**
   * A pledge. {@code committedOn} and {@code cancelledOn} are null while it has not happened. An
   * announced pledge carries the instalments it was announced with.
   */
  public record PledgeFact(
      String id,
      String donor,
      String appeal,
      LocalDate announcedOn,
      LocalDate committedOn,
      LocalDate cancelledOn,
      List<InstalmentFact> instalments) {
    public PledgeFact {
      Objects.requireNonNull(id);
      Objects.requireNonNull(donor);
      Objects.requireNonNull(appeal);
      Objects.requireNonNull(announcedOn);
      instalments = List.copyOf(instalments);
    }

    boolean committed() {
      return committedOn != null;
    }

    boolean cancelled() {
      return cancelledOn != null;
    }
  }

  /**
   * An instalment in its original currency, the parts paid on it (value date, original amount and
   * the USD value fixed at the value date) and the date its outstanding amount was written off.
   */
  public record InstalmentFact(
      String id,
      LocalDate dueOn,
      BigDecimal amount,
      String currency,
      List<PaymentFact> payments,
      LocalDate writtenOffOn) {
    public InstalmentFact {
      Objects.requireNonNull(id);
      Objects.requireNonNull(dueOn);
      Objects.requireNonNull(amount);
      Objects.requireNonNull(currency);
      payments = payments.stream().sorted(Comparator.comparing(PaymentFact::valueDate)).toList();
    }

    BigDecimal paid() {
      return payments.stream().map(PaymentFact::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal outstanding() {
      return amount.subtract(paid()).max(BigDecimal.ZERO);
    }

    boolean fullyPaid() {
      return paid().compareTo(amount) >= 0;
    }

    /** The value date of the part that completed the instalment (null while not fully paid). */
    LocalDate paidOn() {
      return fullyPaid() && !payments.isEmpty()
          ? payments.get(payments.size() - 1).valueDate()
          : null;
    }
  }

  public record PaymentFact(LocalDate valueDate, BigDecimal amount, BigDecimal usd) {
    public PaymentFact {
      Objects.requireNonNull(valueDate);
      Objects.requireNonNull(amount);
      Objects.requireNonNull(usd);
    }
  }

  /** A UNORE rate: units of the currency per USD, in force from {@code effectiveFrom}. */
  public record RateFact(String currency, BigDecimal unitsPerUsd, LocalDate effectiveFrom) {}

  /**
   * What was true on {@code date}: pledges announced later are gone, later commitments,
   * cancellations and write-offs have not happened, later paid parts and rates do not exist. The
   * forecast applies this to whatever its port returns: nothing dated after its as-of date is read.
   */
  public CashHistory asOf(LocalDate date) {
    var kept = new ArrayList<PledgeFact>();
    for (PledgeFact p : pledges) {
      if (p.announcedOn().isAfter(date)) {
        continue;
      }
      var instalments =
          p.instalments().stream()
              .map(
                  i ->
                      new InstalmentFact(
                          i.id(),
                          i.dueOn(),
                          i.amount(),
                          i.currency(),
                          i.payments().stream().filter(x -> !x.valueDate().isAfter(date)).toList(),
                          onOrBefore(i.writtenOffOn(), date)))
              .toList();
      kept.add(
          new PledgeFact(
              p.id(),
              p.donor(),
              p.appeal(),
              p.announcedOn(),
              onOrBefore(p.committedOn(), date),
              onOrBefore(p.cancelledOn(), date),
              instalments));
    }
    var knownRates = rates.stream().filter(r -> !r.effectiveFrom().isAfter(date)).toList();
    return new CashHistory(appeals, kept, knownRates);
  }

  private static LocalDate onOrBefore(LocalDate d, LocalDate limit) {
    return d == null || d.isAfter(limit) ? null : d;
  }
}
