package org.jointappeal.notification.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointappeal.notification.FundingEvents.CHANGED;
import static org.jointappeal.notification.FundingEvents.DLQ;
import static org.jointappeal.notification.FundingEvents.TOPIC;
import static org.jointappeal.notification.FundingEvents.aFundingChange;
import static org.jointappeal.notification.FundingEvents.awaitApplied;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.KafkaTestClient;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@StackResource
class FundingEventsConsumerTest {

  @TestHTTPResource(value = "metrics", management = true)
  URL metricsUrl;

  @Inject TestClock clock;

  @BeforeEach
  void resetClock() {
    clock.reset();
  }

  private long firingAlerts(String appeal) {
    return Db.count(
        "select count(*) from alert where appeal_code = ? and status = 'FIRING'", appeal);
  }

  private long alerts(String appeal) {
    return Db.count("select count(*) from alert where appeal_code = ?", appeal);
  }

  private long inboxRows(String eventId) {
    return Db.count("select count(*) from inbox_message where event_id = ?", eventId);
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
    String appeal = uniqueAppealCode();
    String eventId =
        aFundingChange().forAppeal(appeal).atVersion(1).covered("30.00").publishAndAwait();
    double before = duplicatesCounted();

    // the same event id again, even with a body that would resolve the gap, is a redelivery
    aFundingChange().forAppeal(appeal).atVersion(2).covered("80.00").publishAs(eventId);

    await().atMost(Duration.ofSeconds(20)).until(() -> duplicatesCounted() > before);
    assertThat(firingAlerts(appeal)).isEqualTo(1);
    assertThat(
            Db.column("select funding_version from appeal_coverage where appeal_code = ?", appeal))
        .containsExactly(1L);
    assertThat(inboxRows(eventId)).isEqualTo(1);
  }

  @Test
  void anOlderFundingVersionNeverOverwritesANewerOne() {
    String appeal = uniqueAppealCode();
    aFundingChange().forAppeal(appeal).atVersion(2).covered("80.00").publishAndAwait();

    aFundingChange().forAppeal(appeal).atVersion(1).covered("10.00").publishAndAwait();

    assertThat(alerts(appeal)).isZero();
    assertThat(
            Db.column("select funding_version from appeal_coverage where appeal_code = ?", appeal))
        .containsExactly(2L);
    assertThat(
            Db.column("select coverage_percent from appeal_coverage where appeal_code = ?", appeal))
        .containsExactly(new BigDecimal("80.00"));
  }

  @Test
  void aRecordThatIsNotJsonIsDeadLetteredAndTheConsumerGoesOn() {
    String appeal = uniqueAppealCode();
    String poisonId = UUID.randomUUID().toString();
    KafkaTestClient.sendCloudEvent(TOPIC, appeal, poisonId, CHANGED, "{not json");
    String goodId = aFundingChange().forAppeal(appeal).covered("30.00").publish();

    var dead =
        KafkaTestClient.readUntil(
            DLQ, r -> poisonId.equals(KafkaTestClient.header(r, "ce_id")), Duration.ofSeconds(30));
    var record = dead.get(dead.size() - 1);
    assertThat(record.key()).isEqualTo(appeal);
    assertThat(KafkaTestClient.header(record, "dead-letter-topic")).isEqualTo(TOPIC);
    assertThat(KafkaTestClient.header(record, "dead-letter-reason"))
        .contains("not readable")
        .doesNotContain("{not json");
    assertThat(KafkaTestClient.header(record, "dead-letter-partition")).matches("\\d+");
    assertThat(KafkaTestClient.header(record, "dead-letter-offset")).matches("\\d+");

    awaitApplied(goodId);
    assertThat(firingAlerts(appeal)).isEqualTo(1);
    assertThat(inboxRows(poisonId)).isZero();
  }

  @Test
  void aRecordWithoutACloudEventsTypeIsDeadLettered() {
    String appeal = uniqueAppealCode();
    String eventId = UUID.randomUUID().toString();
    var headers = KafkaTestClient.cloudEventHeaders(eventId, CHANGED);
    headers.remove("ce_type");
    KafkaTestClient.send(
        TOPIC,
        appeal,
        headers,
        KafkaTestClient.bytes(aFundingChange().forAppeal(appeal).covered("10.00").json()));

    var dead =
        KafkaTestClient.readUntil(
            DLQ, r -> eventId.equals(KafkaTestClient.header(r, "ce_id")), Duration.ofSeconds(30));
    var record = dead.get(dead.size() - 1);
    record
        .headers()
        .forEach(h -> System.out.println("DLQHDR " + h.key() + "=" + new String(h.value())));
    assertThat(record.key()).isEqualTo(appeal);
    assertThat(KafkaTestClient.header(record, "dead-letter-topic")).isEqualTo(TOPIC);
    // rejected by the deserializer, never reaching the consumer
    assertThat(KafkaTestClient.header(record, "dead-letter-reason")).contains("ce_type");
    assertThat(alerts(appeal)).isZero();
    assertThat(inboxRows(eventId)).isZero();
  }

  @Test
  void anEventOfAnotherTypeIsRecordedButChangesNothing() {
    String appeal = uniqueAppealCode();
    String eventId = UUID.randomUUID().toString();
    // a type this service does not act on, with a body that would otherwise fire an alert
    KafkaTestClient.sendCloudEvent(
        TOPIC,
        appeal,
        eventId,
        "org.jointappeal.funding.recomputed.v1",
        aFundingChange().forAppeal(appeal).covered("10.00").json());

    awaitApplied(eventId);
    assertThat(alerts(appeal)).isZero();
    assertThat(Db.count("select count(*) from appeal_coverage where appeal_code = ?", appeal))
        .isZero();
  }
}
