package org.jointappeal.notification;

import java.util.UUID;

/** Test data: appeal events as appeal-service publishes them on {@code appeal-events}. */
public final class AppealEvents {

  public static final String TOPIC = "appeal-events";
  public static final String LAUNCHED = "org.jointappeal.appeal.launched.v1";

  private AppealEvents() {}

  /** Publishes the launch of an appeal with this period and waits until it is applied. */
  public static void launchedAndAwait(
      String appealCode, String periodStart, String periodEnd, long version) {
    String json =
        """
        {"appealCode":"%s","appeal":{"code":"%s","title":"Test appeal","agencies":["UNHCR"],
         "periodStart":"%s","periodEnd":"%s","description":null,"status":"LAUNCHED",
         "launchedOn":"%s","currentRequirements":{"amount":"1000000.00","currency":"USD"},
         "requirementLines":[],"version":%d},
         "occurredOn":"%s","recordedAt":"1997-01-02T10:00:00Z"}"""
            .formatted(
                appealCode, appealCode, periodStart, periodEnd, periodStart, version, periodStart);
    String eventId = UUID.randomUUID().toString();
    KafkaTestClient.sendCloudEvent(TOPIC, appealCode, eventId, LAUNCHED, json);
    FundingEvents.awaitApplied(eventId);
  }
}
