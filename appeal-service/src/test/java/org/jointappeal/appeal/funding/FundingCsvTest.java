package org.jointappeal.appeal.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.jointappeal.appeal.money.Money;
import org.junit.jupiter.api.Test;

/** CSV cells a spreadsheet would run as formulas are text; amounts stay numbers. */
class FundingCsvTest {

  @Test
  void aTextCellThatStartsAFormulaGetsAnApostrophe() {
    assertThat(FundingCsv.cell("=HYPERLINK(\"http://evil.example/\",\"Click\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")\"");
    assertThat(FundingCsv.cell("+1")).isEqualTo("'+1");
    assertThat(FundingCsv.cell("-1")).isEqualTo("'-1");
    assertThat(FundingCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(FundingCsv.cell("\tx")).isEqualTo("'\tx");
    assertThat(FundingCsv.cell("\rx")).isEqualTo("\"'\rx\"");
  }

  @Test
  void ordinaryTextIsUnchanged() {
    assertThat(FundingCsv.cell("CIS-1997")).isEqualTo("CIS-1997");
  }

  @Test
  void negativeAmountsStayNumbers() {
    assertThat(FundingCsv.cell(new BigDecimal("-4.36"))).isEqualTo("-4.36");
    assertThat(FundingCsv.cell(new Money(new BigDecimal("-4.36"), "USD"))).isEqualTo("-4.36");
  }
}
