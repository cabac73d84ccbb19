package org.jointappeal.appeal.funding;

import java.util.UUID;
import org.jointappeal.appeal.KafkaTestClient;

/** Pledge events as pledge-service's relay publishes them. */
public final class PledgeEvents {

  public static final String ANNOUNCED = "org.jointappeal.pledge.announced.v1";
  public static final String COMMITTED = "org.jointappeal.pledge.committed.v1";

  private PledgeEvents() {}

  static String json(String appeal, UUID pledgeId, String usd, String status, long version) {
    return """
        {"appealCode":"%s","pledge":{"pledgeId":"%s","appealCode":"%s","donorCode":"NOR",
         "amount":{"amount":"%s","currency":"USD"},"usdValue":{"amount":"%s","currency":"USD"},
         "unitsPerUsd":"1","rateEffectiveFrom":"1997-07-02","announcedOn":"1997-07-02",
         "occasion":"Steering Group","status":"%s","agreementReference":null,"committedOn":null,
         "version":%d},"occurredOn":"1997-07-02","recordedAt":"1997-07-02T10:00:00Z"}"""
        .formatted(appeal, pledgeId, appeal, usd, usd, status, version);
  }

  /** Sends one pledge event; returns its event id. */
  public static String send(
      String type, String appeal, UUID pledgeId, String usd, String status, long version) {
    String eventId = UUID.randomUUID().toString();
    send(eventId, type, appeal, pledgeId, usd, status, version);
    return eventId;
  }

  static void send(
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
}
