package org.jointappeal.pledge.fx;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jointappeal.pledge.money.Money;

/**
 * One UN operational rate of exchange: units of a currency per US dollar, in force from a date (the
 * first of the month, or a mid-month revision) until the next rate for that currency.
 */
@Entity
@Table(name = "unore_rate")
public class UnoreRate {

  static final int USD_SCALE = 2;

  @Id private UUID id;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "effective_from", nullable = false)
  private LocalDate effectiveFrom;

  @Column(name = "units_per_usd", nullable = false, precision = 19, scale = 6)
  private BigDecimal unitsPerUsd;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  /** 1 when first recorded; each correction adds one (see {@link UnoreRateVersion}). */
  @Column(nullable = false)
  private int version;

  protected UnoreRate() {}

  UnoreRate(String currency, LocalDate effectiveFrom, BigDecimal unitsPerUsd, Instant recordedAt) {
    this.id = UUID.randomUUID();
    this.currency = currency;
    this.effectiveFrom = effectiveFrom;
    this.unitsPerUsd = unitsPerUsd;
    this.recordedAt = recordedAt;
    this.version = 1;
  }

  /**
   * A correction: the new value becomes current as the next version. What was valued at the old
   * value keeps it; returns the value replaced.
   */
  BigDecimal correct(BigDecimal unitsPerUsd, Instant recordedAt) {
    BigDecimal previous = this.unitsPerUsd;
    this.unitsPerUsd = unitsPerUsd;
    this.recordedAt = recordedAt;
    this.version++;
    return previous;
  }

  UUID id() {
    return id;
  }

  public int version() {
    return version;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  /** The one place an amount becomes USD: divided by the rate, rounded HALF_EVEN to cents once. */
  public Money toUsd(Money amount) {
    if (!amount.isIn(currency)) {
      throw new IllegalArgumentException(
          "rate for " + currency + " applied to " + amount.currency());
    }
    return atRate(amount, unitsPerUsd);
  }

  /**
   * An amount at a rate already applied once (a pledge's outstanding remainder at the pledge's
   * rate): divided, rounded HALF_EVEN to cents once. USD is its own value.
   */
  public static Money atRate(Money amount, BigDecimal unitsPerUsd) {
    if (amount.isIn("USD")) {
      return amount;
    }
    return Money.of(amount.amount().divide(unitsPerUsd, USD_SCALE, RoundingMode.HALF_EVEN), "USD");
  }

  public String currency() {
    return currency;
  }

  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  public BigDecimal unitsPerUsd() {
    return unitsPerUsd;
  }
}
