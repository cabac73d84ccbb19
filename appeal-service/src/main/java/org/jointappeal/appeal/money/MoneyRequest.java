package org.jointappeal.appeal.money;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.DomainRule;
import org.jointappeal.appeal.DomainRuleViolation;

/**
 * An amount as a client sends it; syntax, sign, scale and currency are checked when it becomes
 * {@link Money}, each as a 422 naming the field.
 */
public record MoneyRequest(
    @Schema(
            type = SchemaType.STRING,
            pattern = "^-?[0-9]+(\\.[0-9]+)?$",
            example = "1500000.00",
            description = "A decimal string, within the currency's minor units")
        @NotNull
        DecimalString amount,
    @Schema(example = "NOK")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency) {

  public MoneyRequest(BigDecimal amount, String currency) {
    this(DecimalString.of(amount), currency);
  }

  /**
   * A positive amount of money.
   *
   * @param field where this amount sits in the request ("amount", "requirementLines[1].amount"),
   *     named in the problem's {@code errors} when the amount breaks a money rule
   */
  public Money toMoney(String field) {
    String amountField = field + ".amount";
    BigDecimal value = amount.parse(amountField);
    if (value.signum() <= 0) {
      String message = amountField + " must be greater than 0, not " + amount.text();
      throw DomainRuleViolation.of(
          DomainRule.AMOUNT_NOT_POSITIVE,
          message,
          List.of(new DomainRuleViolation.Error(amountField, message)));
    }
    try {
      return Money.of(value, currency);
    } catch (DomainRuleViolation e) {
      throw DomainRuleViolation.of(
          e.rule(),
          e.getMessage(),
          List.of(new DomainRuleViolation.Error(amountField, e.getMessage())));
    }
  }
}
