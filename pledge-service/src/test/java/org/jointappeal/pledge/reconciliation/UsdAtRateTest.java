package org.jointappeal.pledge.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.StackResource;
import org.junit.jupiter.api.Test;

/**
 * The database's usd_at_rate (the donor reconciliation's totals) rounds as Java does: half-even to
 * cents, once, on the exact quotient. PostgreSQL's own round() would round half away from zero.
 * Seeded; half the amounts are exact ties (half a cent), the others arbitrary.
 */
@QuarkusTest
@StackResource
class UsdAtRateTest {

  private static final long SEED = 19970702L;

  @Test
  void theDatabaseRoundsHalfEvenToTheCentAsJavaDoes() {
    var random = new Random(SEED);
    var amounts = new ArrayList<BigDecimal>();
    var rates = new ArrayList<BigDecimal>();
    for (int n = 0; n < 2000; n++) {
      BigDecimal rate;
      BigDecimal amount;
      if (n % 2 == 0) {
        // rate = k * 0.02, amount = rate * (2c + 1) / 200: exactly c and a half cents
        rate = BigDecimal.valueOf(1 + random.nextInt(50_000)).multiply(new BigDecimal("0.02"));
        long halfCents = 2L * random.nextInt(1_000_000) + 1;
        amount = rate.multiply(BigDecimal.valueOf(halfCents)).divide(BigDecimal.valueOf(200));
      } else {
        rate = BigDecimal.valueOf(1 + random.nextInt(2_000_000_000), 6);
        amount = BigDecimal.valueOf(random.nextLong(1_000_000_000_000L), 4);
      }
      assertThat(amount.stripTrailingZeros().scale()).isLessThanOrEqualTo(4);
      amounts.add(amount);
      rates.add(rate);
    }

    var database =
        Db.column(
            "select usd_at_rate(t.a, 'NOK', t.r) from unnest(?::numeric[], ?::numeric[])"
                + " with ordinality as t(a, r, n) order by t.n",
            array(amounts),
            array(rates));

    assertThat(database).hasSize(amounts.size());
    for (int n = 0; n < amounts.size(); n++) {
      var java = amounts.get(n).divide(rates.get(n), 2, RoundingMode.HALF_EVEN);
      assertThat((BigDecimal) database.get(n))
          .as("%s / %s", amounts.get(n), rates.get(n))
          .isEqualByComparingTo(java);
    }
    // and the ties are where round() would differ: 0.025 USD is 0.02, half even
    assertThat((BigDecimal) Db.column("select usd_at_rate(0.05, 'NOK', 2)").get(0))
        .isEqualByComparingTo("0.02");
    assertThat((BigDecimal) Db.column("select round(0.05 / 2, 2)").get(0))
        .isEqualByComparingTo("0.03");
  }

  @Test
  void usdIsItsOwnValue() {
    assertThat((BigDecimal) Db.column("select usd_at_rate(1234.5600, 'USD', 1)").get(0))
        .isEqualByComparingTo("1234.56");
  }

  private static String array(List<BigDecimal> values) {
    return values.stream()
        .map(BigDecimal::toPlainString)
        .collect(Collectors.joining(",", "{", "}"));
  }
}
