package org.jointappeal.pledge.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.KafkaTestClient;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.events.AppealLaunchedV1;
import org.junit.jupiter.api.Test;

@QuarkusTest
@StackResource
class AppealEventsConsumerTest {

  @TestHTTPResource(value = "metrics", management = true)
  URL metricsUrl;

  private static final String LAUNCHED = AppealLaunchedV1.TYPE;

  private void send(String code, String eventId, String json) {
    KafkaTestClient.sendCloudEvent("appeal-events", code, eventId, LAUNCHED, json);
  }

  private void awaitApplied(String eventId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> Db.count("select count(*) from inbox_message where event_id = ?", eventId) == 1);
  }

  private double duplicatesCounted() {
    String metrics = given().when().get(metricsUrl).then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith("jointappeal_inbox_duplicates_total"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void aRedeliveredEventHasNoSecondEffect() {
    String code = Appeals.uniqueCode();
    String eventId = UUID.randomUUID().toString();
    send(code, eventId, Appeals.launchedJson(code, 1, "LAUNCHED"));
    awaitApplied(eventId);
    double before = duplicatesCounted();

    // the same event id again, even with another body, is a redelivery: no effect
    send(code, eventId, Appeals.launchedJson(code, 2, "CLOSED"));

    await().atMost(Duration.ofSeconds(20)).until(() -> duplicatesCounted() > before);
    assertThat(Appeals.knownStatus(code)).isEqualTo("LAUNCHED");
    assertThat(Db.count("select count(*) from inbox_message where event_id = ?", eventId))
        .isEqualTo(1);
  }

  @Test
  void anOlderStateNeverOverwritesANewerOne() {
    String code = Appeals.uniqueCode();
    String newer = UUID.randomUUID().toString();
    String older = UUID.randomUUID().toString();
    send(code, newer, Appeals.launchedJson(code, 5, "LAUNCHED"));
    send(code, older, Appeals.launchedJson(code, 4, "DRAFT"));
    awaitApplied(older);
    assertThat(Appeals.knownStatus(code)).isEqualTo("LAUNCHED");
    assertThat(Db.count("select aggregate_version from known_appeal where code = ?", code))
        .isEqualTo(5);
  }

  @Test
  void aPoisonRecordIsDeadLetteredAndTheConsumerGoesOn() {
    String code = Appeals.uniqueCode();
    String poisonId = UUID.randomUUID().toString();
    KafkaTestClient.sendCloudEvent(
        "appeal-events", code, poisonId, LAUNCHED, "{not json".getBytes(StandardCharsets.UTF_8));
    String goodId = UUID.randomUUID().toString();
    send(code, goodId, Appeals.launchedJson(code, 1, "LAUNCHED"));

    var dead =
        KafkaTestClient.readUntil(
            "appeal-events.dlq",
            r -> poisonId.equals(KafkaTestClient.header(r, "ce_id")),
            Duration.ofSeconds(30));
    var record = dead.get(dead.size() - 1);
    assertThat(record.key()).isEqualTo(code);
    assertThat(KafkaTestClient.header(record, "dead-letter-topic")).isEqualTo("appeal-events");
    assertThat(KafkaTestClient.header(record, "dead-letter-reason")).isNotBlank();
    assertThat(KafkaTestClient.header(record, "dead-letter-partition")).matches("\\d+");
    assertThat(KafkaTestClient.header(record, "dead-letter-offset")).matches("\\d+");

    awaitApplied(goodId);
    assertThat(Appeals.knownStatus(code)).isEqualTo("LAUNCHED");
    assertThat(Db.count("select count(*) from inbox_message where event_id = ?", poisonId))
        .isZero();
  }

  @Test
  void aRecordWithoutCloudEventsHeadersIsDeadLettered() {
    String code = Appeals.uniqueCode();
    String marker = "no-headers-" + UUID.randomUUID();
    KafkaTestClient.sendCloudEvent(
        "appeal-events",
        code,
        null,
        null,
        ("{\"appealCode\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8));
    KafkaTestClient.readUntil(
        "appeal-events.dlq",
        r -> code.equals(r.key()) && KafkaTestClient.header(r, "dead-letter-reason") != null,
        Duration.ofSeconds(30));
    assertThat(Appeals.knownStatus(code)).isNull();
  }
}
