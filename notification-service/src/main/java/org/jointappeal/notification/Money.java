package org.jointappeal.notification;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.Currency;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An amount in one ISO 4217 currency, scaled to its minor units; JSON {"amount":"12.34",
 * "currency":"NOK"}. notification-service only carries amounts it was told, it never converts.
 */
public record Money(
    @Schema(type = SchemaType.STRING, example = "250000.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal amount,
    @Schema(example = "USD") String currency) {

  public Money {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    // NUMERIC(19,4) reads back 100.0000: rescale, never round a value that has more minor units
    amount = amount.setScale(Math.max(digits, 0));
  }

  public static Money of(BigDecimal amount, String currency) {
    return amount == null || currency == null ? null : new Money(amount, currency);
  }

  public static Money usd(BigDecimal amount) {
    return of(amount, "USD");
  }
}
