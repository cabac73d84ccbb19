package org.jointappeal.appeal.money;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.DomainRule;
import org.jointappeal.appeal.DomainRuleViolation;

/**
 * An amount in one ISO 4217 currency, exact to the currency's minor units. Never rounds: an amount
 * with more decimals than the currency has is a caller's mistake, not something to fix silently.
 */
@Embeddable
public record Money(
    @Schema(type = SchemaType.STRING, example = "1500000.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Column(name = "amount", nullable = false, precision = 19, scale = 4)
        BigDecimal amount,
    @Schema(example = "NOK") @Column(name = "currency", nullable = false, length = 3)
        String currency) {

  /** NUMERIC(19,4) keeps 15 digits before the point: a larger amount could not be stored. */
  public static final int INTEGER_DIGITS = 15;

  private static final BigDecimal LIMIT = BigDecimal.TEN.pow(INTEGER_DIGITS);

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int digits = fractionDigits(currency);
    if (amount.abs().compareTo(LIMIT) >= 0) {
      throw DomainRuleViolation.of(
          DomainRule.AMOUNT_TOO_LARGE,
          "%s has more than %d integer digits".formatted(amount.toPlainString(), INTEGER_DIGITS));
    }
    if (amount.stripTrailingZeros().scale() > digits) {
      throw DomainRuleViolation.of(
          DomainRule.TOO_MANY_DECIMALS,
          "%s has %d decimals, %s allows %d"
              .formatted(
                  amount.toPlainString(), amount.stripTrailingZeros().scale(), currency, digits));
    }
    // 100.0000 read back from NUMERIC(19,4) equals 100.00 as entered
    amount = amount.setScale(digits);
  }

  public static Money of(BigDecimal amount, String currencyCode) {
    return new Money(amount, currencyCode);
  }

  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), currencyCode);
  }

  @JsonIgnore // a question, not a property
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isIn(String currencyCode) {
    return currency.equals(currencyCode);
  }

  private static int fractionDigits(String code) {
    Currency currency;
    try {
      currency = Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw DomainRuleViolation.of(
          DomainRule.UNKNOWN_CURRENCY, code + " is not an ISO 4217 currency");
    }
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) { // XAU, XXX and friends are not money we can receive
      throw DomainRuleViolation.of(
          DomainRule.UNKNOWN_CURRENCY, code + " is not a currency for contributions");
    }
    return digits;
  }
}
