package org.jointappeal.appeal.money;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amount as a client sends it; scale and currency are checked when it becomes {@link Money}. */
public record MoneyRequest(
    @Schema(type = SchemaType.STRING, example = "1500000.00") @NotNull @Positive BigDecimal amount,
    @Schema(example = "NOK")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency) {

  public Money toMoney() {
    return Money.of(amount, currency);
  }
}
