package org.jointappeal.appeal.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.util.UUID;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.KafkaTestClient;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.jointappeal.appeal.funding.PledgeEvents;
import org.junit.jupiter.api.Test;

/** A redelivered event of any type appeal-service reads changes nothing the second time. */
@QuarkusTest
@StackResource
@TestSecurity(user = "auditor", roles = "auditor")
class RedeliveryTest {

  private static void awaitApplied(String eventId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> Db.count("select count(*) from inbox_message where event_id = ?", eventId) == 1);
  }

  private static long fundingEvents(String appeal) {
    return Db.count(
        "select count(*) from outbox_event where record_key = ? and topic = 'funding-events'",
        appeal);
  }

  @Test
  void aRedeliveredAnnouncementIsCountedOnce() {
    String appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal);
    String eventId = UUID.randomUUID().toString();
    UUID pledge = UUID.randomUUID();
    PledgeEvents.send(eventId, PledgeEvents.ANNOUNCED, appeal, pledge, "250000.00", "ANNOUNCED", 0);
    awaitApplied(eventId);
    long published = fundingEvents(appeal);

    PledgeEvents.send(eventId, PledgeEvents.ANNOUNCED, appeal, pledge, "250000.00", "ANNOUNCED", 0);
    String marker =
        PledgeEvents.send(
            PledgeEvents.COMMITTED, appeal, UUID.randomUUID(), "1.00", "COMMITTED", 1);
    awaitApplied(marker); // same key, same partition: the redelivery was handled before the marker

    given()
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("pledged.amount", equalTo("250000.00"));
    assertThat(fundingEvents(appeal)).isEqualTo(published + 1); // only the marker changed funding
  }

  @Test
  void anEventOfATypeThisServiceDoesNotUseIsRecordedAndSkipped() {
    String appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal);
    String eventId = UUID.randomUUID().toString();
    KafkaTestClient.sendCloudEvent(
        "pledge-events",
        appeal,
        eventId,
        "org.jointappeal.pledge.something-new.v1",
        "{\"appealCode\":\"" + appeal + "\"}");
    awaitApplied(eventId);
    given()
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("pledged.amount", equalTo("0.00"));
  }
}
