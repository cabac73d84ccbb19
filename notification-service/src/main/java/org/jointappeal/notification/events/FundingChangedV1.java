package org.jointappeal.notification.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.notification.Money;

/**
 * {@code org.jointappeal.funding.changed.v1}: the fields of the contract notification-service uses.
 */
public record FundingChangedV1(
    String appealCode,
    long version,
    Figures funding,
    JsonNode groups,
    LocalDate occurredOn,
    Instant recordedAt)
    implements FundingEventV1 {

  public static final String TYPE = "org.jointappeal.funding.changed.v1";

  /**
   * Coverage in percent of current requirements (rounded half-even to two decimals), null while
   * there are no requirements; current requirements, funding and unmet in USD (thresholds are
   * compared with funding / requirements, not with the rounded percent). {@code groups} (line
   * groups by dimension) is kept as received, null from an older producer.
   */
  public record Figures(
      BigDecimal coveragePercent, Money currentRequirements, Money funding, Money unmet) {}
}
