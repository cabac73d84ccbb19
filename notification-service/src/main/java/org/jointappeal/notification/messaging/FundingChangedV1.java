package org.jointappeal.notification.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.jointappeal.funding.changed.v1}: the fields of the contract notification-service uses.
 */
public record FundingChangedV1(
    String appealCode, long version, Figures funding, LocalDate occurredOn, Instant recordedAt)
    implements FundingEventV1 {

  public static final String TYPE = "org.jointappeal.funding.changed.v1";

  /** Coverage in percent of current requirements; null while there are no requirements. */
  public record Figures(BigDecimal coveragePercent) {}
}
