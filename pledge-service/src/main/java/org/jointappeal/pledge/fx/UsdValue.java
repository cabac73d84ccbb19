package org.jointappeal.pledge.fx;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jointappeal.pledge.money.Money;

/**
 * An amount's USD value and the UN operational rate that made it, kept so the valuation can be
 * explained later. Embedded in the pledge and the receipt, whose tables have these three columns.
 */
@Embeddable
public record UsdValue(
    @Column(name = "usd_amount", nullable = false, precision = 19, scale = 4) BigDecimal usdAmount,
    @Column(name = "units_per_usd", nullable = false, precision = 19, scale = 6)
        BigDecimal unitsPerUsd,
    @Column(name = "rate_effective_from", nullable = false) LocalDate rateEffectiveFrom) {

  public UsdValue(Money usd, BigDecimal unitsPerUsd, LocalDate rateEffectiveFrom) {
    this(usd.amount(), unitsPerUsd, rateEffectiveFrom);
    if (!"USD".equals(usd.currency())) {
      throw new IllegalArgumentException("a USD value in " + usd.currency());
    }
  }

  public Money usd() {
    return Money.of(usdAmount, "USD");
  }

  /**
   * The USD value of the first {@code units} of the valued amount {@code whole}, at this rate: the
   * whole value once all of it, so that cumulative shares (payments, allocations) add up to it
   * exactly.
   */
  public BigDecimal ofFirst(BigDecimal units, Money whole) {
    if (units.compareTo(whole.amount()) == 0) {
      return usdAmount;
    }
    return UnoreRate.atRate(Money.of(units, whole.currency()), unitsPerUsd).amount();
  }
}
