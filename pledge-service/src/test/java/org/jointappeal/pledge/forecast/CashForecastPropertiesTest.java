package org.jointappeal.pledge.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jointappeal.pledge.forecast.CashHistory.InstalmentFact;
import org.jointappeal.pledge.forecast.CashHistory.PaymentFact;
import org.jointappeal.pledge.forecast.CashHistory.PledgeFact;
import org.jointappeal.pledge.forecast.CashHistory.RateFact;
import org.junit.jupiter.api.Test;

/**
 * Properties over generated histories: several seeds, as-of dates and appeals drawn from a seeded
 * random source (so a failure can be replayed).
 */
class CashForecastPropertiesTest {

  private static final int CASES = 12;
  private static final int SIMULATIONS = 300;

  private record Case(CashHistory history, String appeal, LocalDate asOf, long seed) {}

  private static List<Case> cases() {
    var random = new SplittableRandom(20261203L);
    var cases = new ArrayList<Case>();
    for (int c = 0; c < CASES; c++) {
      long seed = random.nextLong();
      var history = HistoryGenerator.generate(new HistoryGenerator.Settings(seed, 1990, 6, 3));
      int year = 1992 + random.nextInt(4);
      String appeal = "GEN%d-%d".formatted(1 + random.nextInt(3), year);
      LocalDate asOf = LocalDate.of(year, 1, 1).plusDays(random.nextInt(-60, 300));
      cases.add(new Case(history, appeal, asOf, seed));
    }
    return cases;
  }

  private static CashForecast forecast(
      CashHistory history, String appeal, LocalDate asOf, long seed) {
    return new CashForecaster(HistoryGenerator.facts(history))
        .forecast(new ForecastRequest(appeal, null, asOf, 12, seed, SIMULATIONS));
  }

  @Test
  void aNewCommittedInstalmentNeverLowersTheExpectedTotal() {
    var random = new SplittableRandom(1L);
    for (Case c : cases()) {
      var before = forecast(c.history, c.appeal, c.asOf, c.seed);
      String donor = HistoryGenerator.Profile.values()[random.nextInt(5)].donorCode;
      LocalDate due = c.asOf.plusDays(random.nextInt(1, 300));
      var pledges = new ArrayList<>(c.history.pledges());
      pledges.add(
          new PledgeFact(
              "ZZ-NEW",
              donor,
              c.appeal,
              c.asOf.minusDays(10),
              c.asOf.minusDays(5),
              null,
              List.of(
                  new InstalmentFact(
                      "ZZ-NEW-1", due, new BigDecimal("250000.00"), "USD", List.of(), null))));
      var after =
          forecast(
              new CashHistory(c.history.appeals(), pledges, c.history.rates()),
              c.appeal,
              c.asOf,
              c.seed);
      assertThat(after.expectedTotalUsd())
          .as("case %s", c)
          .isGreaterThanOrEqualTo(before.expectedTotalUsd());
      for (int m = 0; m < before.months().size(); m++) {
        assertThat(after.months().get(m).expectedUsd())
            .isGreaterThanOrEqualTo(before.months().get(m).expectedUsd());
      }
    }
  }

  @Test
  void expectedCashNeverExceedsWhatIsOpen() {
    for (Case c : cases()) {
      var forecast = forecast(c.history, c.appeal, c.asOf, c.seed);
      BigDecimal open = openUsd(c.history.asOf(c.asOf), c.appeal, c.asOf);
      assertThat(forecast.expectedTotalUsd()).as("case %s", c).isLessThanOrEqualTo(open);
      for (var m : forecast.months()) {
        assertThat(m.p90Usd()).isLessThanOrEqualTo(open);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameAnswerAndAnotherSeedOnlyOtherQuantiles() {
    for (Case c : cases()) {
      var once = forecast(c.history, c.appeal, c.asOf, c.seed);
      var again = forecast(c.history, c.appeal, c.asOf, c.seed);
      assertThat(again).isEqualTo(once);
      var other = forecast(c.history, c.appeal, c.asOf, c.seed + 1);
      // the expectation is exact, not simulated: the seed does not move it
      assertThat(other.months())
          .extracting(CashForecast.Month::expectedUsd)
          .isEqualTo(once.months().stream().map(CashForecast.Month::expectedUsd).toList());
    }
  }

  @Test
  void nothingAfterAsOfChangesAnAsOfForecast() {
    var random = new SplittableRandom(2L);
    for (Case c : cases()) {
      var truth = forecast(c.history.asOf(c.asOf), c.appeal, c.asOf, c.seed);
      var withFuture = forecast(withFacts(c.history, c.asOf, random), c.appeal, c.asOf, c.seed);
      assertThat(withFuture).as("case %s", c).isEqualTo(truth);
    }
  }

  /**
   * The whole generated history (payments, write-offs, commitments and cancellations that happen
   * later) plus invented later facts: a new pledge, a paid part and a write-off on every open
   * instalment, a commitment of every announced pledge, a rate for every currency.
   */
  private static CashHistory withFacts(CashHistory full, LocalDate asOf, SplittableRandom random) {
    var pledges = new ArrayList<PledgeFact>();
    for (PledgeFact p : full.pledges()) {
      var instalments = new ArrayList<InstalmentFact>();
      for (InstalmentFact i : p.instalments()) {
        var payments = new ArrayList<>(i.payments());
        LocalDate later = asOf.plusDays(random.nextInt(1, 90));
        payments.add(new PaymentFact(later, i.amount(), i.amount()));
        instalments.add(
            new InstalmentFact(
                i.id(),
                i.dueOn(),
                i.amount(),
                i.currency(),
                payments,
                i.writtenOffOn() != null
                    ? i.writtenOffOn()
                    : asOf.plusDays(random.nextInt(1, 90))));
      }
      LocalDate commitment = p.committedOn() != null ? p.committedOn() : asOf.plusDays(1);
      pledges.add(
          new PledgeFact(
              p.id(),
              p.donor(),
              p.appeal(),
              p.announcedOn(),
              commitment,
              p.cancelledOn(),
              instalments));
    }
    pledges.add(
        new PledgeFact(
            "ZZ-FUTURE",
            "ONT",
            "GEN1-1995",
            asOf.plusDays(1),
            asOf.plusDays(2),
            null,
            List.of(
                new InstalmentFact(
                    "ZZ-FUTURE-1",
                    asOf.plusDays(10),
                    new BigDecimal("1000000.00"),
                    "USD",
                    List.of(),
                    null))));
    var rates = new ArrayList<>(full.rates());
    for (String currency : List.of("CHF", "SEK", "JPY", "NOK")) {
      rates.add(new RateFact(currency, new BigDecimal("0.5"), asOf.plusDays(1)));
    }
    return new CashHistory(full.appeals(), pledges, rates);
  }

  /**
   * The open USD amount of the appeal's pledges as of asOf, at the latest rates (an upper bound).
   */
  private static BigDecimal openUsd(CashHistory asOfHistory, String appeal, LocalDate asOf) {
    BigDecimal open = BigDecimal.ZERO;
    for (PledgeFact p : asOfHistory.pledges()) {
      if (!p.appeal().equals(appeal) || p.cancelledOn() != null) {
        continue;
      }
      for (InstalmentFact i : p.instalments()) {
        if (i.writtenOffOn() != null) {
          continue;
        }
        BigDecimal rate =
            asOfHistory.rates().stream()
                .filter(r -> r.currency().equals(i.currency()))
                .max((a, b) -> a.effectiveFrom().compareTo(b.effectiveFrom()))
                .map(RateFact::unitsPerUsd)
                .orElse(BigDecimal.ONE);
        open = open.add(i.outstanding().divide(rate, 2, RoundingMode.HALF_EVEN));
      }
    }
    return open;
  }
}
