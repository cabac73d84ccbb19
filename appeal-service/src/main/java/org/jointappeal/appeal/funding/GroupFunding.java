package org.jointappeal.appeal.funding;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.money.Money;

/**
 * The figures of one group (a country, an agency, a donor, ... or "not specified"). Requirements,
 * coverage and unmet are null where a group has no requirements of its own (donors, earmarking
 * levels, not specified).
 */
public record GroupFunding(
    @Schema(example = "GEO", description = "null for the not-specified group") String key,
    Money currentRequirements,
    Money pledged,
    Money committed,
    Money paid,
    Money funding,
    @Schema(type = SchemaType.STRING, example = "41.27")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal coveragePercent,
    Money unmet) {

  static GroupFunding of(String key, BigDecimal requirements, Holding.Amounts amounts) {
    BigDecimal funding = amounts.committed().add(amounts.paid());
    return new GroupFunding(
        key,
        requirements == null ? null : usd(requirements),
        usd(amounts.pledged()),
        usd(amounts.committed()),
        usd(amounts.paid()),
        usd(funding),
        coverage(funding, requirements),
        requirements == null ? null : usd(requirements.subtract(funding).max(BigDecimal.ZERO)));
  }

  static BigDecimal coverage(BigDecimal funding, BigDecimal requirements) {
    if (requirements == null || requirements.signum() == 0) {
      return null;
    }
    return funding
        .multiply(BigDecimal.valueOf(100))
        .divide(requirements, 2, RoundingMode.HALF_EVEN);
  }

  static Money usd(BigDecimal amount) {
    return Money.of(amount, "USD");
  }
}
