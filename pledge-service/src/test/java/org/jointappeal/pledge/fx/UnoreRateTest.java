package org.jointappeal.pledge.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.pledge.money.Money;
import org.junit.jupiter.api.Test;

class UnoreRateTest {

  private static UnoreRate rate(String currency, String unitsPerUsd) {
    return new UnoreRate(
        currency, LocalDate.parse("1997-07-01"), new BigDecimal(unitsPerUsd), Instant.EPOCH);
  }

  @Test
  void convertsToUsdRoundingHalfEvenToCentsOnce() {
    // 1 500 000 / 7.46 = 201 072.386...
    assertThat(rate("NOK", "7.46").toUsd(Money.of("1500000.00", "NOK")))
        .isEqualTo(Money.of("201072.39", "USD"));
    // a currency without minor units converts to cents all the same
    assertThat(rate("JPY", "114.50").toUsd(Money.of("1000000", "JPY")))
        .isEqualTo(Money.of("8733.62", "USD"));
  }

  @Test
  void halfACentGoesToTheEvenCent() {
    // 0.125 -> 0.12 and 0.135 -> 0.14 under HALF_EVEN (HALF_UP would give 0.13)
    assertThat(rate("CHF", "2").toUsd(Money.of("0.25", "CHF"))).isEqualTo(Money.of("0.12", "USD"));
    assertThat(rate("CHF", "2").toUsd(Money.of("0.27", "CHF"))).isEqualTo(Money.of("0.14", "USD"));
  }

  @Test
  void refusesAnAmountInAnotherCurrency() {
    assertThatThrownBy(() -> rate("NOK", "7.46").toUsd(Money.of("1.00", "SEK")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
