package org.jointappeal.pledge;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data: appeals as appeal-service would publish them on appeal-events. */
public final class Appeals {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private Appeals() {}

  public static String uniqueCode() {
    return "T" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
  }

  public static String launchedJson(String code, long version, String status) {
    return """
        {"appealCode":"%s","appeal":{"code":"%s","title":"Test appeal","status":"%s","version":%d,
         "periodStart":"1997-01-01","periodEnd":"1997-12-31",
         "requirementLines":[{"lineId":"%s","country":"GEO","agency":"UNHCR","sector":"PROTECTION"}]},
         "occurredOn":"1996-11-20","recordedAt":"1996-11-20T10:00:00Z"}"""
        .formatted(code, code, status, version, UUID.randomUUID());
  }

  /** Publishes a launched appeal and waits until pledge-service knows it. */
  public static void launch(String code) {
    KafkaTestClient.sendCloudEvent(
        "appeal-events",
        code,
        UUID.randomUUID().toString(),
        "org.jointappeal.appeal.launched.v1",
        launchedJson(code, 1, "LAUNCHED"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "LAUNCHED".equals(knownStatus(code)));
  }

  public static String knownStatus(String code) {
    var rows = Db.column("select status from known_appeal where code = ?", code);
    return rows.isEmpty() ? null : (String) rows.get(0);
  }
}
