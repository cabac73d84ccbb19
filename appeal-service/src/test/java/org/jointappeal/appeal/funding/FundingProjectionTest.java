package org.jointappeal.appeal.funding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.KafkaTestClient;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Funding the FTS way, projected from pledge-events: pledges apart, funding = committed + paid. */
@QuarkusTest
@StackResource
@TestSecurity(user = "auditor", roles = "auditor")
class FundingProjectionTest {

  private static final Duration PROPAGATION = Duration.ofSeconds(20);

  @Inject FundingService funding;

  String appeal;

  @BeforeEach
  void launchedAppealOfOneMillion() {
    appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal);
  }

  private void awaitApplied(String eventId) {
    await()
        .atMost(PROPAGATION)
        .until(
            () -> Db.count("select count(*) from inbox_message where event_id = ?", eventId) == 1);
  }

  @Test
  void anAnnouncedPledgeIsReportedApartAndIsNotFunding() {
    awaitApplied(
        PledgeEvents.send(
            PledgeEvents.ANNOUNCED, appeal, UUID.randomUUID(), "300000.00", "ANNOUNCED", 0));
    given()
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(200)
        .body("currentRequirements.amount", equalTo("1000000.00"))
        .body("pledged.amount", equalTo("300000.00"))
        .body("committed.amount", equalTo("0.00"))
        .body("funding.amount", equalTo("0.00"))
        .body("coveragePercent", equalTo("0.00"))
        .body("unmet.amount", equalTo("1000000.00"));
  }

  @Test
  void aCommitmentIsFundingAndCoversItsShare() {
    UUID pledge = UUID.randomUUID();
    PledgeEvents.send(PledgeEvents.ANNOUNCED, appeal, pledge, "300000.00", "ANNOUNCED", 0);
    awaitApplied(
        PledgeEvents.send(PledgeEvents.COMMITTED, appeal, pledge, "300000.00", "COMMITTED", 1));
    given()
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("pledged.amount", equalTo("0.00"))
        .body("committed.amount", equalTo("300000.00"))
        .body("funding.amount", equalTo("300000.00"))
        .body("coveragePercent", equalTo("30.00"))
        .body("unmet.amount", equalTo("700000.00"));
  }

  @Test
  void coverageIsRoundedHalfEvenToTwoDecimals() {
    // 1 / 1 000 000 * 100 = 0.0001 % -> 0.00; 125 / 1 000 000 * 100 = 0.0125 % -> 0.01 (half-even)
    awaitApplied(
        PledgeEvents.send(
            PledgeEvents.COMMITTED, appeal, UUID.randomUUID(), "125.00", "COMMITTED", 1));
    given()
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("coveragePercent", equalTo("0.01"));
  }

  @Test
  void fundingAboveRequirementsLeavesNothingUnmet() {
    awaitApplied(
        PledgeEvents.send(
            PledgeEvents.COMMITTED, appeal, UUID.randomUUID(), "1250000.00", "COMMITTED", 1));
    given()
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("coveragePercent", equalTo("125.00"))
        .body("unmet.amount", equalTo("0.00"));
  }

  @Test
  void aRedeliveredPledgeEventIsCountedOnce() {
    UUID pledge = UUID.randomUUID();
    String eventId = UUID.randomUUID().toString();
    PledgeEvents.send(eventId, PledgeEvents.COMMITTED, appeal, pledge, "100000.00", "COMMITTED", 1);
    PledgeEvents.send(eventId, PledgeEvents.COMMITTED, appeal, pledge, "100000.00", "COMMITTED", 1);
    String marker =
        PledgeEvents.send(
            PledgeEvents.ANNOUNCED, appeal, UUID.randomUUID(), "1.00", "ANNOUNCED", 0);
    awaitApplied(marker); // same key, same partition: the duplicate was handled before the marker
    given()
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("committed.amount", equalTo("100000.00"));
  }

  @Test
  void anOlderPledgeStateNeverOverwritesANewerOne() {
    UUID pledge = UUID.randomUUID();
    PledgeEvents.send(PledgeEvents.COMMITTED, appeal, pledge, "200000.00", "COMMITTED", 1);
    awaitApplied(
        PledgeEvents.send(PledgeEvents.ANNOUNCED, appeal, pledge, "200000.00", "ANNOUNCED", 0));
    given()
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("committed.amount", equalTo("200000.00"))
        .body("pledged.amount", equalTo("0.00"));
  }

  @Test
  void everyChangeIsPublishedOnFundingEventsWithAGrowingVersion() {
    UUID pledge = UUID.randomUUID();
    PledgeEvents.send(PledgeEvents.ANNOUNCED, appeal, pledge, "400000.00", "ANNOUNCED", 0);
    PledgeEvents.send(PledgeEvents.COMMITTED, appeal, pledge, "400000.00", "COMMITTED", 1);
    var records =
        KafkaTestClient.readUntil(
            "funding-events",
            r -> appeal.equals(r.key()) && r.value().contains("\"coveragePercent\":\"40.00\""),
            PROPAGATION);
    var last = records.get(records.size() - 1);
    assertThat(KafkaTestClient.header(last, "ce_type"))
        .isEqualTo("org.jointappeal.funding.changed.v1");
    // the launch is version 1; the two events are one change or two, depending on whether they
    // arrived in one batch: one funding.changed per appeal per batch, never a gap or a repeat
    var versions =
        records.stream()
            .filter(r -> appeal.equals(r.key()))
            .map(r -> r.value().replaceAll(".*\"version\":(\\d+).*", "$1"))
            .toList();
    assertThat(versions).isIn(List.of("1", "2"), List.of("1", "2", "3"));
  }

  @Test
  void aBatchOfEventsForOneAppealIsPublishedOnceWithTheNewestFigures() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    // one record batch: both in one transaction, as a poll that brings several events would
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                funding
                    .keep(
                        List.of(
                            PledgeEvents.changed(appeal, first, "100000.00", "COMMITTED", 1),
                            PledgeEvents.changed(appeal, second, "300000.00", "COMMITTED", 1)))
                    .forEach(funding::publish));
    var records =
        KafkaTestClient.readUntil(
            "funding-events",
            r -> appeal.equals(r.key()) && r.value().contains("\"version\":2"),
            PROPAGATION);
    assertThat(records.get(records.size() - 1).value()).contains("\"coveragePercent\":\"40.00\"");
    assertThat(records.stream().filter(r -> appeal.equals(r.key())).count()).isEqualTo(2);
  }

  @Test
  void aPoisonPledgeEventIsDeadLetteredAndTheConsumerGoesOn() {
    String poisonId = UUID.randomUUID().toString();
    KafkaTestClient.sendCloudEvent(
        "pledge-events",
        appeal,
        poisonId,
        PledgeEvents.ANNOUNCED,
        "{\"appealCode\":".getBytes(StandardCharsets.UTF_8));
    String good =
        PledgeEvents.send(
            PledgeEvents.COMMITTED, appeal, UUID.randomUUID(), "10.00", "COMMITTED", 1);
    KafkaTestClient.readUntil(
        "pledge-events.dlq",
        r -> poisonId.equals(KafkaTestClient.header(r, "ce_id")),
        Duration.ofSeconds(30));
    awaitApplied(good);
    given()
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("committed.amount", equalTo("10.00"));
  }

  @Test
  void anEventTheProjectionCannotTakeIsDeadLetteredAloneAndTheRestOfItsBatchIsApplied() {
    String before =
        PledgeEvents.send(
            PledgeEvents.COMMITTED, appeal, UUID.randomUUID(), "10.00", "COMMITTED", 1);
    // readable, but its appeal code is longer than the projection's column: the insert fails
    String tooLong = appeal + "-" + "X".repeat(40);
    String failing =
        PledgeEvents.send(
            PledgeEvents.COMMITTED, tooLong, UUID.randomUUID(), "20.00", "COMMITTED", 1);
    String after =
        PledgeEvents.send(
            PledgeEvents.COMMITTED, appeal, UUID.randomUUID(), "30.00", "COMMITTED", 1);
    var deadLetters =
        KafkaTestClient.readUntil(
            "pledge-events.dlq",
            r -> failing.equals(KafkaTestClient.header(r, "ce_id")),
            Duration.ofSeconds(30));
    awaitApplied(before);
    awaitApplied(after);
    assertThat(Db.count("select count(*) from inbox_message where event_id = ?", failing)).isZero();
    assertThat(
            deadLetters.stream()
                .filter(
                    r ->
                        before.equals(KafkaTestClient.header(r, "ce_id"))
                            || after.equals(KafkaTestClient.header(r, "ce_id"))))
        .isEmpty();
    given()
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("committed.amount", equalTo("40.00"));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  void aDonorSeesAnAppealsAggregateFunding() {
    given().when().get("/appeals/" + appeal + "/funding").then().statusCode(200);
  }

  @Test
  void fundingOfAnUnknownAppealIsNotFound() {
    given()
        .when()
        .get("/appeals/NO-SUCH/funding")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
