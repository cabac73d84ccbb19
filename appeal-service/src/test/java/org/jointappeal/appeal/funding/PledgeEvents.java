package org.jointappeal.appeal.funding;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jointappeal.appeal.KafkaTestClient;
import org.jointappeal.appeal.events.PledgeEventDeserializer;
import org.jointappeal.appeal.events.PledgeEventV1;

/** Pledge events as pledge-service's relay publishes them. */
public final class PledgeEvents {

  public static final String ANNOUNCED = "org.jointappeal.pledge.announced.v1";
  public static final String COMMITTED = "org.jointappeal.pledge.committed.v1";
  public static final String CANCELLED = "org.jointappeal.pledge.cancelled.v1";
  public static final String WRITTEN_OFF = "org.jointappeal.pledge.written-off.v1";
  public static final String PAYMENT_ALLOCATED = "org.jointappeal.pledge.payment-allocated.v1";
  public static final String PAYMENT_REVERSED = "org.jointappeal.pledge.payment-reversed.v1";

  private PledgeEvents() {}

  static String json(String appeal, UUID pledgeId, String usd, String status, long version) {
    return aPledge(appeal, pledgeId).usd(usd).status(status).version(version).json();
  }

  /** A committed-pledge event as the consumer reads it, to apply without Kafka in between. */
  static PledgeEventV1.PledgeChanged changed(
      String appeal, UUID pledgeId, String usd, String status, long version) {
    var headers = new RecordHeaders().add("ce_type", COMMITTED.getBytes(StandardCharsets.UTF_8));
    return (PledgeEventV1.PledgeChanged)
        new PledgeEventDeserializer()
            .deserialize(
                "pledge-events",
                headers,
                json(appeal, pledgeId, usd, status, version).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends one pledge event; returns its event id. */
  public static String send(
      String type, String appeal, UUID pledgeId, String usd, String status, long version) {
    String eventId = UUID.randomUUID().toString();
    send(eventId, type, appeal, pledgeId, usd, status, version);
    return eventId;
  }

  public static void send(
      String eventId,
      String type,
      String appeal,
      UUID pledgeId,
      String usd,
      String status,
      long version) {
    KafkaTestClient.sendCloudEvent(
        "pledge-events", appeal, eventId, type, json(appeal, pledgeId, usd, status, version));
  }

  /** A pledge state with the newer, optional fields: valid defaults, only what matters stated. */
  public static Builder aPledge(String appeal, UUID pledgeId) {
    return new Builder(appeal, pledgeId);
  }

  public static final class Builder {
    private final String appeal;
    private final UUID pledgeId;
    private String donor = "NOR";
    private String usd = "100000.00";
    private String status = "ANNOUNCED";
    private long version;
    private String occurredOn = "1997-07-02";
    private String earmarking;
    private String paid;
    private String outstanding;
    private String writtenOff;

    private Builder(String appeal, UUID pledgeId) {
      this.appeal = appeal;
      this.pledgeId = pledgeId;
    }

    public Builder by(String donorCode) {
      this.donor = donorCode;
      return this;
    }

    public Builder usd(String amount) {
      this.usd = amount;
      return this;
    }

    public Builder status(String value) {
      this.status = value;
      return this;
    }

    public Builder version(long value) {
      this.version = value;
      return this;
    }

    public Builder on(String businessDate) {
      this.occurredOn = businessDate;
      return this;
    }

    public Builder paid(String amount) {
      this.paid = amount;
      return this;
    }

    public Builder outstanding(String amount) {
      this.outstanding = amount;
      return this;
    }

    public Builder writtenOff(String amount) {
      this.writtenOff = amount;
      return this;
    }

    public Builder earmarked(
        String level, String agency, String country, String sector, UUID lineId) {
      this.earmarking =
          "{\"level\":\"%s\",\"agency\":%s,\"country\":%s,\"sector\":%s,\"requirementLineId\":%s}"
              .formatted(level, quoted(agency), quoted(country), quoted(sector), quoted(lineId));
      return this;
    }

    public Builder softly(String agency, String country) {
      return earmarked("SOFTLY_EARMARKED", agency, country, null, null);
    }

    public Builder toCountryAndSector(String country, String sector) {
      return earmarked("EARMARKED", null, country, sector, null);
    }

    public Builder tightly(UUID lineId) {
      return earmarked("TIGHTLY_EARMARKED", null, null, null, lineId);
    }

    String json() {
      var optional = new StringBuilder();
      if (earmarking != null) {
        optional.append(",\"earmarking\":").append(earmarking);
      }
      if (paid != null) {
        optional.append(",\"paidUsd\":").append(usdJson(paid));
      }
      if (outstanding != null) {
        optional.append(",\"outstandingUsd\":").append(usdJson(outstanding));
      }
      if (writtenOff != null) {
        optional.append(",\"writtenOffUsd\":").append(usdJson(writtenOff));
      }
      return """
          {"appealCode":"%s","pledge":{"pledgeId":"%s","appealCode":"%s","donorCode":"%s",
           "amount":{"amount":"%s","currency":"USD"},"usdValue":{"amount":"%s","currency":"USD"},
           "unitsPerUsd":"1","rateEffectiveFrom":"1997-07-01","announcedOn":"1997-07-02",
           "occasion":"Steering Group","status":"%s","agreementReference":null,"committedOn":null,
           "version":%d%s},"occurredOn":"%s","recordedAt":"1997-07-02T10:00:00Z"}"""
          .formatted(
              appeal, pledgeId, appeal, donor, usd, usd, status, version, optional, occurredOn);
    }

    /** Sends it as the given type; returns the event id. */
    public String send(String type) {
      String eventId = UUID.randomUUID().toString();
      KafkaTestClient.sendCloudEvent("pledge-events", appeal, eventId, type, json());
      return eventId;
    }

    private static String usdJson(String amount) {
      return "{\"amount\":\"" + amount + "\",\"currency\":\"USD\"}";
    }

    private static String quoted(Object value) {
      return value == null ? "null" : "\"" + value + "\"";
    }
  }
}
