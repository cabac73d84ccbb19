package org.jointappeal.pledge.fx;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.money.DecimalString;

public record RecordRateRequest(
    @Schema(
            type = SchemaType.STRING,
            pattern = "^[0-9]+(\\.[0-9]+)?$",
            example = "7.46",
            description = "Units of the currency per USD: a decimal string, > 0, 12.6 digits")
        @NotNull
        DecimalString unitsPerUsd,
    @Schema(
            description =
                "Why a rate already on file for this currency and date is corrected; kept in"
                    + " its history",
            example = "UN Treasury revision of 14 July 1997")
        String reason) {

  public RecordRateRequest(BigDecimal unitsPerUsd) {
    this(DecimalString.of(unitsPerUsd), null);
  }

  /** The rate, or a 422 naming {@code unitsPerUsd}. */
  BigDecimal rate() {
    BigDecimal rate = unitsPerUsd.parse("unitsPerUsd");
    RateRules.problem(rate)
        .ifPresent(
            message -> {
              throw DomainRuleViolation.of(
                  DomainRule.INVALID_RATE,
                  "unitsPerUsd " + message,
                  List.of(new DomainRuleViolation.Error("unitsPerUsd", message)));
            });
    return rate;
  }
}
