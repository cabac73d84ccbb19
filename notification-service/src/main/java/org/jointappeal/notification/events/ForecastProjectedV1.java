package org.jointappeal.notification.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.notification.Money;

/**
 * {@code org.jointappeal.forecast.projected.v1}: pledge-service's cash forecast of an appeal
 * projected to its period end; the fields the PROJECTED_FUNDING_GAP rules read.
 */
public record ForecastProjectedV1(
    String appealCode,
    LocalDate asOf,
    LocalDate periodEnd,
    Integer monthsLeft,
    Money requirements,
    Money p10Funding,
    Money p50Funding,
    Money p90Funding,
    BigDecimal p10CoveragePercent,
    BigDecimal p50CoveragePercent,
    BigDecimal p90CoveragePercent,
    String modelVersion,
    Instant recordedAt)
    implements PledgeEventV1 {

  public static final String TYPE = "org.jointappeal.forecast.projected.v1";

  /** Every field the rules read is there, and the amounts are in USD. */
  boolean complete() {
    return appealCode != null
        && asOf != null
        && periodEnd != null
        && monthsLeft != null
        && usd(requirements)
        && usd(p10Funding)
        && usd(p50Funding)
        && usd(p90Funding)
        && p10CoveragePercent != null
        && p50CoveragePercent != null
        && p90CoveragePercent != null
        && modelVersion != null
        && recordedAt != null;
  }

  private static boolean usd(Money money) {
    return money != null && "USD".equals(money.currency());
  }
}
