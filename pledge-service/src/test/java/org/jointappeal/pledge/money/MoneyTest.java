package org.jointappeal.pledge.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void keepsTheCurrencysMinorUnits() {
    assertThat(Money.of("1500000", "NOK").amount()).isEqualTo(new BigDecimal("1500000.00"));
    assertThat(Money.of("1500000", "JPY").amount()).isEqualTo(new BigDecimal("1500000"));
    assertThat(Money.of("1.234", "KWD").amount()).isEqualTo(new BigDecimal("1.234"));
  }

  @Test
  void trailingZerosFromTheDatabaseScaleAreNotExtraDecimals() {
    assertThat(Money.of("100.0000", "USD")).isEqualTo(Money.of("100.00", "USD"));
    assertThat(Money.of("250.0000", "JPY").amount()).isEqualTo(new BigDecimal("250"));
  }

  @Test
  void rejectsMoreDecimalsThanTheCurrencyHas() {
    assertThatThrownBy(() -> Money.of("10.5", "JPY"))
        .isInstanceOf(DomainRuleViolation.class)
        .extracting(e -> ((DomainRuleViolation) e).rule())
        .isEqualTo(DomainRule.TOO_MANY_DECIMALS);
    assertThatThrownBy(() -> Money.of("10.001", "USD")).isInstanceOf(DomainRuleViolation.class);
  }

  @Test
  void rejectsCodesThatAreNotContributionCurrencies() {
    assertThatThrownBy(() -> Money.of("1", "XYZ"))
        .extracting(e -> ((DomainRuleViolation) e).rule())
        .isEqualTo(DomainRule.UNKNOWN_CURRENCY);
    assertThatThrownBy(() -> Money.of("1", "XAU"))
        .extracting(e -> ((DomainRuleViolation) e).rule())
        .isEqualTo(DomainRule.UNKNOWN_CURRENCY);
  }
}
