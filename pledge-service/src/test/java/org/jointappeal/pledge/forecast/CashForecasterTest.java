package org.jointappeal.pledge.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jointappeal.pledge.forecast.CashHistory.AppealFact;
import org.jointappeal.pledge.forecast.CashHistory.InstalmentFact;
import org.jointappeal.pledge.forecast.CashHistory.PaymentFact;
import org.jointappeal.pledge.forecast.CashHistory.PledgeFact;
import org.jointappeal.pledge.forecast.CashHistory.RateFact;
import org.junit.jupiter.api.Test;

class CashForecasterTest {

  private static final LocalDate AS_OF = LocalDate.of(1997, 7, 31);

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  /** A donor that paid 20 past instalments exactly 30 days late, in USD. */
  private static List<PledgeFact> thirtyDayPayer() {
    var pledges = new ArrayList<PledgeFact>();
    for (int k = 0; k < 20; k++) {
      LocalDate due = d("1995-01-15").plusDays(30L * k);
      pledges.add(
          new PledgeFact(
              "OLD-" + k,
              "LATE",
              "OLD-1995",
              due.minusDays(60),
              due.minusDays(40),
              null,
              List.of(
                  new InstalmentFact(
                      "OLD-" + k + "-1",
                      due,
                      new BigDecimal("1000.00"),
                      "USD",
                      List.of(
                          new PaymentFact(
                              due.plusDays(30),
                              new BigDecimal("1000.00"),
                              new BigDecimal("1000.00"))),
                      null))));
    }
    return pledges;
  }

  private static PledgeFact committed(String id, String currency, String amount, LocalDate due) {
    return new PledgeFact(
        id,
        "LATE",
        "CIS-1997",
        d("1997-06-01"),
        d("1997-06-15"),
        null,
        List.of(
            new InstalmentFact(id + "-1", due, new BigDecimal(amount), currency, List.of(), null)));
  }

  private static final AppealFact CIS =
      new AppealFact("CIS-1997", d("1997-01-01"), d("1997-12-31"), new BigDecimal("1000000.00"));

  private static CashForecast forecast(CashHistory history, ForecastRequest request) {
    return new CashForecaster(HistoryGenerator.facts(history)).forecast(request);
  }

  @Test
  void aDonorWhoPaysThirtyDaysLateIsExpectedThirtyDaysAfterTheDueDate() {
    var pledges = new ArrayList<>(thirtyDayPayer());
    pledges.add(committed("NEW", "NOK", "7460.00", d("1997-08-20")));
    var history =
        new CashHistory(
            List.of(CIS),
            pledges,
            List.of(
                new RateFact("NOK", new BigDecimal("7.00"), d("1997-06-01")),
                new RateFact("NOK", new BigDecimal("7.46"), d("1997-07-01")),
                new RateFact("NOK", new BigDecimal("8.00"), d("1997-09-01"))));

    var forecast = forecast(history, ForecastRequest.of("CIS-1997", AS_OF, 5));

    // p(paid) = 1 - (0 + 5 x 1/40) / (20 + 5): all donors' rate is (0 + 1) / (20 + 1 + 19) under
    // the Beta(1, 19) prior, pulled in with weight 5 against the donor's 0 of 20; NOK 7,460 at the
    // July rate 7.46 = USD 1,000.00; due 20 August, 30
    // days late = 19 September
    assertThat(forecast.months())
        .extracting(CashForecast.Month::month)
        .containsExactly(
            YearMonth.of(1997, 8),
            YearMonth.of(1997, 9),
            YearMonth.of(1997, 10),
            YearMonth.of(1997, 11),
            YearMonth.of(1997, 12));
    double writeOff = (0 + 5 * (1.0 / (20 + 1 + 19))) / (20 + 5);
    BigDecimal expected =
        new BigDecimal("1000.00")
            .multiply(BigDecimal.valueOf(1 - writeOff))
            .setScale(2, RoundingMode.HALF_EVEN);
    assertThat(forecast.months().get(1).expectedUsd()).isEqualByComparingTo(expected);
    assertThat(forecast.months().get(0).expectedUsd()).isEqualByComparingTo("0.00");
    assertThat(forecast.months().get(1).p50Usd()).isEqualByComparingTo("1000.00");
    assertThat(forecast.months().get(1).byCurrency())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.currency()).isEqualTo("NOK");
              assertThat(c.p90()).isEqualByComparingTo("7460.00");
            });
    // the rate named is the one in force on asOf, not the September one
    assertThat(forecast.rates())
        .containsExactly(new CashForecast.RateUsed("NOK", new BigDecimal("7.46"), d("1997-07-01")));
    assertThat(forecast.valuation()).contains("latest UN operational rate");
    assertThat(forecast.modelVersion()).isEqualTo(CashForecaster.MODEL_VERSION);
    assertThat(forecast.fittedOn().paidInstalments()).isEqualTo(20);
    assertThat(forecast.fittedOn().firstDueOn()).isEqualTo(d("1995-01-15"));
    assertThat(forecast.periodEnd().p50FundingUsd()).isEqualByComparingTo("1000.00");
    assertThat(forecast.periodEnd().p50Coverage()).isEqualByComparingTo("0.0010");
  }

  @Test
  void anInstalmentAlreadyLaterThanTheDonorEverPaidIsExpectedLessAndLater() {
    var onTime = new ArrayList<>(thirtyDayPayer());
    onTime.add(committed("NEW", "USD", "1000.00", d("1997-08-20")));
    var late = new ArrayList<>(thirtyDayPayer());
    // due 1 July: 30 days overdue at asOf, so only the donor's (and all donors') later delays count
    late.add(committed("NEW", "USD", "1000.00", d("1997-07-01")));

    var notYetDue =
        forecast(
            new CashHistory(List.of(CIS), onTime, List.of()),
            ForecastRequest.of("CIS-1997", AS_OF, 6));
    var overdue =
        forecast(
            new CashHistory(List.of(CIS), late, List.of()),
            ForecastRequest.of("CIS-1997", AS_OF, 6));

    assertThat(notYetDue.expectedTotalUsd()).isGreaterThan(new BigDecimal("900"));
    // nobody ever paid more than 30 days late: nothing is expected of it any more
    assertThat(overdue.expectedTotalUsd()).isEqualByComparingTo("0.00");
  }

  @Test
  void anAnnouncedPledgeIsWeightedByTheDonorsConversionRate() {
    var pledges = new ArrayList<>(thirtyDayPayer());
    // the donor also announced 10 pledges it cancelled
    for (int k = 0; k < 10; k++) {
      pledges.add(
          new PledgeFact(
              "GONE-" + k, "LATE", "OLD-1995", d("1995-02-01"), null, d("1995-05-01"), List.of()));
    }
    pledges.add(
        new PledgeFact(
            "ANN",
            "LATE",
            "CIS-1997",
            d("1997-07-02"),
            null,
            null,
            List.of(
                new InstalmentFact(
                    "ANN-1", d("1997-09-01"), new BigDecimal("1000.00"), "USD", List.of(), null))));
    var forecast =
        forecast(
            new CashHistory(List.of(CIS), pledges, List.of()),
            ForecastRequest.of("CIS-1997", AS_OF, 6));

    double pooled = (20 + 1.0) / (30 + 2);
    double conversion = (20 + 5 * pooled) / (30 + 5);
    double writeOff = (0 + 5 * (1.0 / (20 + 1 + 19))) / (20 + 5);
    BigDecimal expected =
        new BigDecimal("1000.00")
            .multiply(BigDecimal.valueOf(conversion * (1 - writeOff)))
            .setScale(2, RoundingMode.HALF_EVEN);
    assertThat(forecast.expectedTotalUsd()).isEqualByComparingTo(expected);
  }

  @Test
  void aCurrencyWithoutARateKnownAtAsOfIsNamed() {
    var pledges = new ArrayList<>(thirtyDayPayer());
    pledges.add(committed("NEW", "SEK", "1000.00", d("1997-08-20")));
    var history =
        new CashHistory(
            List.of(CIS),
            pledges,
            List.of(new RateFact("SEK", new BigDecimal("7.5"), d("1997-08-01"))));
    assertThatThrownBy(() -> forecast(history, ForecastRequest.of("CIS-1997", AS_OF, 6)))
        .isInstanceOf(CashForecaster.MissingRate.class)
        .hasMessageContaining("SEK")
        .hasMessageContaining("1997-07-31");
  }

  @Test
  void quantilesAreOrderedAndTheSeedIsInTheAnswer() {
    var history = HistoryGenerator.generate(HistoryGenerator.Settings.standard(3L));
    var request = new ForecastRequest("GEN1-1996", null, LocalDate.of(1996, 4, 30), 12, 99L, 500);
    var forecast = forecast(history, request);
    assertThat(forecast.seed()).isEqualTo(99L);
    assertThat(forecast.simulations()).isEqualTo(500);
    for (var m : forecast.months()) {
      assertThat(m.p10Usd()).isLessThanOrEqualTo(m.p50Usd());
      assertThat(m.p50Usd()).isLessThanOrEqualTo(m.p90Usd());
      for (var c : m.byCurrency()) {
        assertThat(c.p10()).isLessThanOrEqualTo(c.p50());
        assertThat(c.p50()).isLessThanOrEqualTo(c.p90());
      }
    }
    var end = forecast.periodEnd();
    assertThat(end.p10FundingUsd()).isLessThanOrEqualTo(end.p50FundingUsd());
    assertThat(end.p50FundingUsd()).isLessThanOrEqualTo(end.p90FundingUsd());
    assertThat(end.p10FundingUsd()).isGreaterThanOrEqualTo(end.paidAsOfUsd());
    assertThat(forecast.expectedTotalUsd()).isPositive();
  }
}
