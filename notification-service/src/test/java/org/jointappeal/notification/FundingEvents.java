package org.jointappeal.notification;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data: {@code org.jointappeal.funding.changed.v1} events as appeal-service publishes them on
 * {@code funding-events}. Valid defaults (version 1, 30.00 % covered of USD 1 000 000.00); a test
 * states only what matters to it.
 */
public final class FundingEvents {

  public static final String TOPIC = "funding-events";
  public static final String DLQ = "funding-events.dlq";
  public static final String CHANGED = "org.jointappeal.funding.changed.v1";

  private static final BigDecimal REQUIREMENTS = new BigDecimal("1000000.00");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private String appealCode = uniqueAppealCode();
  private long version = 1;
  private BigDecimal coveragePercent = new BigDecimal("30.00");
  private BigDecimal fundingUsd;
  private final java.util.Map<String, java.util.List<String>> groups =
      new java.util.LinkedHashMap<>();

  private FundingEvents() {}

  public static FundingEvents aFundingChange() {
    return new FundingEvents();
  }

  /** Fits the API's appeal code pattern and the 32-character column. */
  public static String uniqueAppealCode() {
    return "N" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
  }

  public FundingEvents forAppeal(String code) {
    this.appealCode = code;
    return this;
  }

  public FundingEvents atVersion(long version) {
    this.version = version;
    return this;
  }

  /** Coverage in percent, e.g. "30.00"; null while the appeal has no requirements. */
  public FundingEvents covered(String percent) {
    this.coveragePercent = percent == null ? null : new BigDecimal(percent);
    return this;
  }

  /**
   * Funding of exactly this many USD of the USD 1 000 000.00 requirements; the event's coverage is
   * rounded half-even to two decimals, as appeal-service rounds it ("399950.00" gives "40.00").
   */
  public FundingEvents fundedUsd(String funding) {
    this.fundingUsd = new BigDecimal(funding);
    this.coveragePercent = rounded(fundingUsd);
    return this;
  }

  /** Adds a line group of USD 1 000 000.00 requirements funded exactly {@code funding} USD. */
  public FundingEvents groupFundedUsd(String dimension, String key, String funding) {
    return group(dimension, key, rounded(new BigDecimal(funding)), new BigDecimal(funding));
  }

  private static BigDecimal rounded(BigDecimal funding) {
    return funding.multiply(new BigDecimal(100)).divide(REQUIREMENTS, 2, RoundingMode.HALF_EVEN);
  }

  /**
   * Adds a line group of USD 1 000 000.00 requirements covered {@code percent}, e.g. {@code
   * group("priority", "NON_EMERGENCY", "31.00")}; without groups the event carries none, as an
   * older producer's.
   */
  public FundingEvents group(String dimension, String key, String percent) {
    BigDecimal funded =
        REQUIREMENTS
            .multiply(new BigDecimal(percent))
            .divide(new BigDecimal(100), 2, RoundingMode.HALF_EVEN);
    return group(dimension, key, new BigDecimal(percent), funded);
  }

  private FundingEvents group(String dimension, String key, BigDecimal percent, BigDecimal funded) {
    groups
        .computeIfAbsent(dimension, d -> new java.util.ArrayList<>())
        .add(
            """
            {"key":"%s","currentRequirements":%s,"funding":%s,"coveragePercent":"%s","unmet":%s}"""
                .formatted(
                    key,
                    usd(REQUIREMENTS),
                    usd(funded),
                    percent.toPlainString(),
                    usd(REQUIREMENTS.subtract(funded).max(BigDecimal.ZERO))));
    return this;
  }

  private String groupsJson() {
    if (groups.isEmpty()) {
      return "";
    }
    var all = new StringBuilder();
    for (String dimension :
        java.util.List.of("country", "agency", "sector", "category", "priority")) {
      if (!all.isEmpty()) {
        all.append(',');
      }
      all.append('"')
          .append(dimension)
          .append("\":[")
          .append(String.join(",", groups.getOrDefault(dimension, java.util.List.of())))
          .append(']');
    }
    return ",\"groups\":{" + all + "}";
  }

  public String json() {
    BigDecimal requirements = coveragePercent == null ? BigDecimal.ZERO.setScale(2) : REQUIREMENTS;
    BigDecimal funded =
        coveragePercent == null
            ? new BigDecimal("250000.00")
            : fundingUsd != null
                ? fundingUsd
                : REQUIREMENTS
                    .multiply(coveragePercent)
                    .divide(new BigDecimal(100), 2, RoundingMode.HALF_EVEN);
    BigDecimal unmet = requirements.subtract(funded).max(BigDecimal.ZERO.setScale(2));
    String coverage =
        coveragePercent == null ? "null" : "\"" + coveragePercent.toPlainString() + "\"";
    return """
        {"appealCode":"%s","version":%d,"funding":{
         "originalRequirements":%s,"currentRequirements":%s,
         "pledged":%s,"committed":%s,"paid":%s,"funding":%s,
         "coveragePercent":%s,"unmet":%s}%s,
         "occurredOn":"1997-07-02","recordedAt":"1997-07-02T10:00:00Z"}"""
        .formatted(
            appealCode,
            version,
            usd(requirements),
            usd(requirements),
            usd(funded),
            usd(funded),
            usd(funded),
            usd(funded),
            coverage,
            usd(unmet),
            groupsJson());
  }

  /** Publishes this event under a fresh CloudEvents id and returns that id. */
  public String publish() {
    String eventId = UUID.randomUUID().toString();
    publishAs(eventId);
    return eventId;
  }

  /** Publishes this event under the given CloudEvents id (a redelivery reuses one). */
  public void publishAs(String eventId) {
    KafkaTestClient.sendCloudEvent(TOPIC, appealCode, eventId, CHANGED, json());
  }

  /** Publishes and waits until the consumer has applied the event. */
  public String publishAndAwait() {
    String eventId = publish();
    awaitApplied(eventId);
    return eventId;
  }

  /** Waits until the consumer's inbox holds the event: its effect is committed with it. */
  public static void awaitApplied(String eventId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> Db.count("select count(*) from inbox_message where event_id = ?", eventId) == 1);
  }

  private static String usd(BigDecimal amount) {
    return "{\"amount\":\"%s\",\"currency\":\"USD\"}".formatted(amount.toPlainString());
  }
}
