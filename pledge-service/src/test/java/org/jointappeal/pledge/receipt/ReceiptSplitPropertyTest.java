package org.jointappeal.pledge.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.fx.UsdValue;
import org.jointappeal.pledge.money.Money;
import org.junit.jupiter.api.Test;

/**
 * However a receipt is split, its allocations' USD values add up to the USD value of the part
 * allocated, and with the unallocated part's to the receipt's own value; none is negative. Seeded.
 */
class ReceiptSplitPropertyTest {

  private static final long SEED = 1468L;

  @Test
  void allocationsAlwaysAddUpToTheirReceiptsUsdValue() {
    var random = new Random(SEED);
    for (int n = 0; n < 2_000; n++) {
      boolean yen = random.nextInt(4) == 0;
      String currency = yen ? "JPY" : "CHF";
      int digits = yen ? 0 : 2;
      long minor = 1 + random.nextInt(10_000_000);
      var amount = Money.of(BigDecimal.valueOf(minor, digits), currency);
      var rate = new BigDecimal(1 + random.nextInt(2_000_000)).movePointLeft(4);
      var usd = Money.of(amount.amount().divide(rate, 2, RoundingMode.HALF_EVEN), "USD");
      var receipt =
          new Receipt(
              DonorCode.of("CHE"),
              amount,
              new UsdValue(usd, rate, LocalDate.of(1997, 10, 1)),
              LocalDate.of(1997, 10, 15),
              "BANK-" + n,
              null,
              ReceiptSource.MANUAL,
              "property",
              Instant.EPOCH);
      String where = "seed %d receipt %d: %s at %s".formatted(SEED, n, amount, rate);

      long left = minor;
      BigDecimal allocatedUsd = BigDecimal.ZERO;
      boolean allocateAll = random.nextBoolean();
      while (left > 0) {
        long part = 1 + random.nextLong(left);
        if (!allocateAll && part == left) {
          break; // keep something unallocated
        }
        var share = receipt.allocate(Money.of(BigDecimal.valueOf(part, digits), currency));
        assertThat(share.amount().signum()).as("no negative share, " + where).isNotNegative();
        allocatedUsd = allocatedUsd.add(share.amount());
        left -= part;
        // at every step: the allocated shares and the unallocated rest make the whole
        assertThat(allocatedUsd.add(receipt.unallocatedUsd().amount()))
            .as("shares + rest, " + where)
            .isEqualByComparingTo(usd.amount());
      }
      if (left == 0) {
        assertThat(allocatedUsd).as("all allocated, " + where).isEqualByComparingTo(usd.amount());
        assertThat(receipt.unallocatedUsd().amount()).isZero();
      }
    }
  }
}
