package org.jointappeal.pledge.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The OpenAPI examples are real JSON with every field of the answer, and the CSV ones real CSV. */
class ReconciliationExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theViewExamplesHaveEveryFieldOfTheAnswer() throws Exception {
    for (String example :
        new String[] {ReconciliationExamples.APPEAL, ReconciliationExamples.DONOR}) {
      var view = JSON.readTree(example);
      for (var component : Reconciliation.class.getRecordComponents()) {
        assertThat(view.has(component.getName())).as(component.getName()).isTrue();
      }
      var row = view.path("rows").path(0);
      for (var component : ReconciliationRow.class.getRecordComponents()) {
        assertThat(row.has(component.getName())).as(component.getName()).isTrue();
      }
      for (var component : UsdFigures.class.getRecordComponents()) {
        assertThat(row.path("usd").has(component.getName())).as(component.getName()).isTrue();
      }
      for (var component : CurrencyFigures.class.getRecordComponents()) {
        assertThat(row.path("original").path(0).has(component.getName()))
            .as(component.getName())
            .isTrue();
      }
    }
  }

  @Test
  void theCsvExamplesStartWithTheRealHeader() {
    assertThat(ReconciliationExamples.CSV).startsWith(ReconciliationCsv.HEADER + "\n");
    assertThat(ReconciliationExamples.DONOR_CSV).startsWith(ReconciliationCsv.HEADER + "\n");
  }
}
