package org.jointappeal.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * Test data: pledge-service's {@code org.jointappeal.forecast.projected.v1} for an appeal with USD
 * 1 000 000 requirements and a period ending 31 December 1997, as of a date, with p50 coverage as
 * given (p10 and p90 ten points either side).
 */
public final class Projections {

  public static final String PROJECTED = "org.jointappeal.forecast.projected.v1";

  private final String appealCode;
  private String asOf = "1997-07-31";
  private int monthsLeft = 5;
  private BigDecimal p50 = new BigDecimal("30.00");
  private Instant recordedAt = Instant.parse("1997-07-31T06:00:00Z");

  private Projections(String appealCode) {
    this.appealCode = appealCode;
  }

  public static Projections aProjection(String appealCode) {
    return new Projections(appealCode);
  }

  public Projections asOf(String date, int monthsLeft) {
    this.asOf = date;
    this.monthsLeft = monthsLeft;
    return this;
  }

  public Projections covering(String p50Percent) {
    this.p50 = new BigDecimal(p50Percent);
    return this;
  }

  public Projections recordedAt(String instant) {
    this.recordedAt = Instant.parse(instant);
    return this;
  }

  public String json() {
    BigDecimal p10 = p50.subtract(BigDecimal.TEN).max(BigDecimal.ZERO);
    BigDecimal p90 = p50.add(BigDecimal.TEN);
    return """
        {"appealCode":"%s","asOf":"%s","periodStart":"1997-01-01","periodEnd":"1997-12-31",
         "monthsLeft":%d,"requirements":{"amount":"1000000.00","currency":"USD"},
         "paidAsOf":{"amount":"%s","currency":"USD"},"expectedFunding":{"amount":"%s","currency":"USD"},
         "p10Funding":{"amount":"%s","currency":"USD"},"p50Funding":{"amount":"%s","currency":"USD"},
         "p90Funding":{"amount":"%s","currency":"USD"},"p10CoveragePercent":"%s",
         "p50CoveragePercent":"%s","p90CoveragePercent":"%s","modelVersion":"cash-forecast/1",
         "seed":19970702,"occurredOn":"%s","recordedAt":"%s"}"""
        .formatted(
            appealCode,
            asOf,
            monthsLeft,
            usd(p10),
            usd(p50),
            usd(p10),
            usd(p50),
            usd(p90),
            p10.setScale(2),
            p50.setScale(2),
            p90.setScale(2),
            asOf,
            recordedAt);
  }

  /** Publishes on pledge-events and waits until the consumer applied it. */
  public String publishAndAwait() {
    String eventId = UUID.randomUUID().toString();
    KafkaTestClient.sendCloudEvent(PledgeEvents.TOPIC, appealCode, eventId, PROJECTED, json());
    FundingEvents.awaitApplied(eventId);
    return eventId;
  }

  /** Percent of USD 1 000 000. */
  private static String usd(BigDecimal percent) {
    return percent
        .multiply(new BigDecimal(10000))
        .setScale(2, RoundingMode.HALF_EVEN)
        .toPlainString();
  }
}
