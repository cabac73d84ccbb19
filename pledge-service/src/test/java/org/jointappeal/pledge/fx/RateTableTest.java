package org.jointappeal.pledge.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jointappeal.pledge.DomainRuleViolation;
import org.junit.jupiter.api.Test;

class RateTableTest {

  private static DomainRuleViolation rejected(String csv) {
    try {
      RateTable.parse(csv);
    } catch (DomainRuleViolation e) {
      return e;
    }
    throw new AssertionError("the table was accepted");
  }

  @Test
  void readsLinesWithoutAHeader() {
    var table = RateTable.parse("NOK,7.46,1997-07-01\r\nSEK,7.80,1997-07-01\r\n");
    assertThat(table.rows())
        .containsExactly(
            new RateTable.Row("NOK", new BigDecimal("7.46"), LocalDate.parse("1997-07-01")),
            new RateTable.Row("SEK", new BigDecimal("7.80"), LocalDate.parse("1997-07-01")));
  }

  @Test
  void theSameCurrencyAndDateTwiceNamesTheEarlierLine() {
    var e = rejected("NOK,7.46,1997-07-01\nNOK,7.47,1997-07-01\n");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.field()).isEqualTo("line 2");
              assertThat(err.message()).contains("line 1");
            });
  }

  @Test
  void usdHasNoRate() {
    assertThat(rejected("USD,1,1997-07-01\n").errors().get(0).message()).contains("USD");
  }

  @Test
  void aRateWithMoreThanSixDecimalsIsRejected() {
    assertThat(rejected("NOK,7.4600001,1997-07-01\n").errors().get(0).field()).isEqualTo("line 1");
  }

  @Test
  void anEmptyTableIsRejected() {
    assertThat(rejected("currency,unitsPerUsd,effectiveFrom\n").errors().get(0).field())
        .isEqualTo("body");
  }

  @Test
  void aLineWithTooFewFieldsIsRejected() {
    assertThatThrownBy(() -> RateTable.parse("NOK;7.46;1997-07-01"))
        .isInstanceOf(DomainRuleViolation.class);
  }
}
