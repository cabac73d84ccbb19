package org.jointappeal.appeal.money;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.DomainRuleViolation;

/** An amount as a client sends it; scale and currency are checked when it becomes {@link Money}. */
public record MoneyRequest(
    @Schema(type = SchemaType.STRING, example = "1500000.00") @NotNull @Positive BigDecimal amount,
    @Schema(example = "NOK")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency) {

  /**
   * @param field where this amount sits in the request ("amount", "instalments[1].amount"), named
   *     in the problem's {@code errors} when the amount breaks a money rule
   */
  public Money toMoney(String field) {
    try {
      return Money.of(amount, currency);
    } catch (DomainRuleViolation e) {
      throw DomainRuleViolation.of(
          e.rule(),
          e.getMessage(),
          List.of(new DomainRuleViolation.Error(field + ".amount", e.getMessage())));
    }
  }
}
