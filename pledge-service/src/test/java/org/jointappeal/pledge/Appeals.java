package org.jointappeal.pledge;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data: appeals as appeal-service would publish them on appeal-events. */
public final class Appeals {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private Appeals() {}

  public static String uniqueCode() {
    return "T" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
  }

  /** One requirement line as the appeal events carry it. */
  public static String line(UUID lineId, String country, String agency, String sector) {
    return """
        {"lineId":"%s","country":"%s","agency":"%s","sector":"%s"}"""
        .formatted(lineId, country, agency, sector);
  }

  public static String launchedJson(String code, long version, String status) {
    return stateJson(
        code, version, status, List.of(line(UUID.randomUUID(), "GEO", "UNHCR", "PROTECTION")));
  }

  public static String stateJson(String code, long version, String status, List<String> lines) {
    return """
        {"appealCode":"%s","appeal":{"code":"%s","title":"Test appeal","status":"%s","version":%d,
         "periodStart":"1997-01-01","periodEnd":"1997-12-31",
         "currentRequirements":{"amount":"1000000.00","currency":"USD"},
         "requirementLines":[%s]},
         "occurredOn":"1996-11-20","recordedAt":"1996-11-20T10:00:00Z"}"""
        .formatted(code, code, status, version, String.join(",", lines));
  }

  /** Publishes a launched appeal and waits until pledge-service knows it. */
  public static void launch(String code) {
    launch(code, List.of(line(UUID.randomUUID(), "GEO", "UNHCR", "PROTECTION")));
  }

  public static void launch(String code, List<String> lines) {
    publish(code, "org.jointappeal.appeal.launched.v1", stateJson(code, 1, "LAUNCHED", lines));
    await().atMost(Duration.ofSeconds(20)).until(() -> "LAUNCHED".equals(knownStatus(code)));
  }

  /** Publishes an appeal event and waits until pledge-service has applied it. */
  public static void publish(String code, String type, String json) {
    String eventId = UUID.randomUUID().toString();
    KafkaTestClient.sendCloudEvent("appeal-events", code, eventId, type, json);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> Db.count("select count(*) from inbox_message where event_id = ?", eventId) == 1);
  }

  public static String knownStatus(String code) {
    var rows = Db.column("select status from known_appeal where code = ?", code);
    return rows.isEmpty() ? null : (String) rows.get(0);
  }
}
