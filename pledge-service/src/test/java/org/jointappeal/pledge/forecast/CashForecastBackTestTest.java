package org.jointappeal.pledge.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import javax.imageio.ImageIO;
import org.jointappeal.pledge.forecast.CashHistory.InstalmentFact;
import org.jointappeal.pledge.forecast.CashHistory.PaymentFact;
import org.jointappeal.pledge.forecast.CashHistory.PledgeFact;
import org.jointappeal.pledge.forecast.CashHistory.RateFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small run of the back-test (12 origins, 300 simulations) and its parts. */
class CashForecastBackTestTest {

  @Test
  void aSmallRunScoresEveryOriginMonthAndBeatsPayingOnTheDueDate(@TempDir Path dir)
      throws Exception {
    var history = HistoryGenerator.generate(HistoryGenerator.Settings.standard(5L));
    var settings = new CashForecastBackTest.Settings(5L, YearMonth.of(1994, 1), 12, 6, 11L, 300);

    var report = CashForecastBackTest.run(history, settings);

    assertThat(report.cells()).isEqualTo(12 * 6);
    assertThat(report.actualTotal()).isPositive();
    assertThat(report.insideP10P90()).isBetween(0.0, 1.0);
    assertThat(report.wapeP50()).isLessThan(report.wapeDueDate());
    assertThat(report.markdown()).contains("paid on the due date").contains("inside p10–p90");
    // the same settings give the same report
    assertThat(CashForecastBackTest.run(history, settings).detail()).isEqualTo(report.detail());

    Path chart = dir.resolve("fan.png");
    CashForecastBackTest.fanChart(
        history, "GEN1-1995", LocalDate.of(1995, 3, 31), 12, settings, chart);
    var image = ImageIO.read(chart.toFile());
    assertThat(image.getWidth()).isEqualTo(900);
  }

  @Test
  void pinballLossWeighsUnderAndOverForecastsByTheQuantile() {
    assertThat(CashForecastBackTest.pinball(0.9, 100, 80)).isCloseTo(18.0, within(1e-9));
    assertThat(CashForecastBackTest.pinball(0.9, 80, 100)).isCloseTo(2.0, within(1e-9));
    assertThat(CashForecastBackTest.pinball(0.5, 80, 100)).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void theDueDateBaselinePutsOverdueMoneyInTheNextMonthAndLeavesAnnouncementsOut() {
    var overdue =
        new InstalmentFact(
            "A-1",
            LocalDate.of(1997, 6, 1),
            new BigDecimal("746.00"),
            "NOK",
            List.of(
                new PaymentFact(
                    LocalDate.of(1997, 6, 5), new BigDecimal("373.00"), new BigDecimal("50.00"))),
            null);
    var later =
        new InstalmentFact(
            "A-2", LocalDate.of(1997, 9, 10), new BigDecimal("100.00"), "USD", List.of(), null);
    var announced =
        new InstalmentFact(
            "B-1", LocalDate.of(1997, 9, 10), new BigDecimal("500.00"), "USD", List.of(), null);
    var history =
        new CashHistory(
            List.of(),
            List.of(
                new PledgeFact(
                    "A",
                    "NOR",
                    "X",
                    LocalDate.of(1997, 1, 1),
                    LocalDate.of(1997, 2, 1),
                    null,
                    List.of(overdue, later)),
                new PledgeFact(
                    "B", "NOR", "X", LocalDate.of(1997, 1, 1), null, null, List.of(announced))),
            List.of(new RateFact("NOK", new BigDecimal("7.46"), LocalDate.of(1997, 7, 1))));

    var baseline = CashForecastBackTest.dueDateBaseline(history, LocalDate.of(1997, 7, 31), false);

    assertThat(baseline.get(YearMonth.of(1997, 8))).isCloseTo(50.0, within(1e-9));
    assertThat(baseline.get(YearMonth.of(1997, 9))).isCloseTo(100.0, within(1e-9));
    assertThat(
            CashForecastBackTest.dueDateBaseline(history, LocalDate.of(1997, 7, 31), true)
                .get(YearMonth.of(1997, 9)))
        .isCloseTo(600.0, within(1e-9));
  }
}
