package org.jointappeal.appeal.funding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.TestClock;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.jointappeal.appeal.appeal.AppealService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A revision recorded on 1 December 1997, effective 1 January 1998, cutting the requirements from
 * USD 1,000,000 to 500,000: today's figures keep the revision in force until that date; then it
 * takes over, published once as appeal.revised.v1 and funding.changed.v1, without a restart.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class FutureRevisionTest {

  @Inject TestClock clock;
  @Inject AppealService appeals;

  String appeal;

  @BeforeEach
  void futureRevisionRecorded() {
    clock.set(Instant.parse("1997-01-15T09:00:00Z"));
    appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal);
    clock.set(Instant.parse("1997-12-01T09:00:00Z"));
    given()
        .contentType("application/json")
        .body(
            """
            {"reason":"Next year's plan","effectiveOn":"1998-01-01","requirementLines":[%s]}"""
                .formatted(Appeals.line("GEO", "UNHCR", "500000.00", "USD")))
        .post("/appeals/" + appeal + "/revisions")
        .then()
        .statusCode(201);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private long published(String type) {
    return Db.count(
        "select count(*) from outbox_event where record_key = ? and type = ?",
        appeal,
        "org.jointappeal." + type + ".v1");
  }

  @Test
  void aFutureRevisionLeavesTodaysFiguresAloneAndTakesOverOnItsDate() {
    given()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(200)
        .body("revision", equalTo(0))
        .body("currentRequirements.amount", equalTo("1000000.00"));
    assertThat(published("appeal.revised")).as("not yet in force").isZero();
    long fundingChanges = published("funding.changed");

    clock.set(Instant.parse("1997-12-31T23:59:00Z"));
    // (other tests' revisions may be due too: only this appeal's events are counted)
    appeals.takeEffectOfDueRevisions();
    assertThat(published("appeal.revised")).as("the day before").isZero();

    clock.set(Instant.parse("1998-01-01T00:05:00Z"));
    assertThat(appeals.takeEffectOfDueRevisions()).isPositive();
    given()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(200)
        .body("revision", equalTo(1))
        .body("currentRequirements.amount", equalTo("500000.00"));
    assertThat(published("appeal.revised")).isEqualTo(1);
    assertThat(published("funding.changed")).isEqualTo(fundingChanges + 1);
    assertThat(
            Db.column(
                    "select payload from outbox_event where record_key = ? and type = ?"
                        + " order by seq desc limit 1",
                    appeal,
                    "org.jointappeal.funding.changed.v1")
                .get(0)
                .toString())
        .contains("\"currentRequirements\":{\"amount\":\"500000.00\"");

    // a second check (another instance, or after a restart) publishes nothing again
    appeals.takeEffectOfDueRevisions();
    assertThat(published("appeal.revised")).isEqualTo(1);
    assertThat(published("funding.changed")).isEqualTo(fundingChanges + 1);
  }

  @Test
  void asOfBeforeItsDateTheOldRequirementsStillHold() {
    clock.set(Instant.parse("1998-01-02T00:00:00Z"));
    appeals.takeEffectOfDueRevisions();
    given()
        .queryParam("asOf", "1997-12-31")
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("revision", equalTo(0))
        .body("currentRequirements.amount", equalTo("1000000.00"));
    given()
        .queryParam("knownAt", "1997-12-15T00:00:00Z")
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("revision", equalTo(0))
        .body("currentRequirements.amount", equalTo("1000000.00"));
  }
}
