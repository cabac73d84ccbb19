package org.jointappeal.pledge.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The OpenAPI examples are real JSON with every field of the answer, the CSV one real CSV. */
class ForecastExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theForecastExampleHasEveryFieldOfTheAnswer() throws Exception {
    var view = JSON.readTree(ForecastExamples.FORECAST);
    for (var c : CashForecastView.class.getRecordComponents()) {
      assertThat(view.has(c.getName())).as(c.getName()).isTrue();
    }
    for (var c : CashForecastView.MonthView.class.getRecordComponents()) {
      assertThat(view.path("months").path(0).has(c.getName())).as(c.getName()).isTrue();
    }
    for (var c : CashForecastView.PeriodEndView.class.getRecordComponents()) {
      assertThat(view.path("periodEnd").has(c.getName())).as(c.getName()).isTrue();
    }
    for (var c : CashForecastView.FittedOnView.class.getRecordComponents()) {
      assertThat(view.path("fittedOn").has(c.getName())).as(c.getName()).isTrue();
    }
  }

  @Test
  void theCsvExampleStartsWithTheRealHeader() {
    assertThat(ForecastExamples.CSV).startsWith(CashForecastCsv.HEADER + "\n");
  }
}
