package org.jointappeal.appeal.funding;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.money.Money;

/**
 * An appeal's funding the FTS way: funding = committed + paid; pledges are shown apart and are not
 * funding; coverage = funding / current requirements; unmet = max(0, requirements - funding).
 */
public record FundingFigures(
    Money originalRequirements,
    Money currentRequirements,
    @Schema(description = "Announced, not yet committed: reported apart, not funding")
        Money pledged,
    @Schema(description = "Committed, not yet paid") Money committed,
    Money paid,
    @Schema(description = "committed + paid") Money funding,
    @Schema(
            type = SchemaType.STRING,
            example = "41.27",
            description = "funding / current requirements, in %")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal coveragePercent,
    Money unmet) {

  private static final String USD = "USD";

  static FundingFigures of(
      BigDecimal originalRequirements,
      BigDecimal currentRequirements,
      BigDecimal pledged,
      BigDecimal committed,
      BigDecimal paid) {
    BigDecimal funding = committed.add(paid);
    BigDecimal coverage =
        currentRequirements.signum() == 0
            ? null
            : funding
                .multiply(BigDecimal.valueOf(100))
                .divide(currentRequirements, 2, RoundingMode.HALF_EVEN);
    BigDecimal unmet = currentRequirements.subtract(funding).max(BigDecimal.ZERO);
    return new FundingFigures(
        usd(originalRequirements),
        usd(currentRequirements),
        usd(pledged),
        usd(committed),
        usd(paid),
        usd(funding),
        coverage,
        usd(unmet));
  }

  private static Money usd(BigDecimal amount) {
    return Money.of(amount, USD);
  }
}
