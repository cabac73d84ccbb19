package org.jointappeal.pledge.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text cells of the reconciliation and cash forecast CSVs cannot start a formula, whichever of
 * the characters a spreadsheet reads as one they begin with (ReconciliationTest has the donor named
 * {@code =HYPERLINK(...)} end to end, with its amounts still numbers).
 */
class ReconciliationCsvTest {

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
  void aCellThatWouldStartAFormulaGetsALeadingApostrophe(String text) {
    assertThat(ReconciliationCsv.formulaSafe(text)).isEqualTo("'" + text);
  }

  @Test
  void ordinaryTextIsLeftAsItIs() {
    assertThat(ReconciliationCsv.formulaSafe("Kingdom of Norway")).isEqualTo("Kingdom of Norway");
    assertThat(ReconciliationCsv.formulaSafe("a=b")).isEqualTo("a=b");
    assertThat(ReconciliationCsv.formulaSafe("")).isEmpty();
  }
}
