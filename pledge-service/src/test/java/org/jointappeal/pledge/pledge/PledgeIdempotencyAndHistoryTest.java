package org.jointappeal.pledge.pledge;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.HeldIdempotencyKey;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@StackResource
class PledgeIdempotencyAndHistoryTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppeal() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
  }

  private long pledgesOfAppeal() {
    return Db.count("select count(*) from pledge where appeal_code = ?", appeal);
  }

  private io.restassured.response.ValidatableResponse announce(String key, String amount) {
    return given()
        .contentType(JSON)
        .header("Idempotency-Key", key)
        .body(PledgeResourceTest.pledge(appeal, "USA", amount, "USD"))
        .when()
        .post("/pledges")
        .then();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aRetriedAnnouncementReplaysStatusLocationAndBodyAndCreatesNothing() {
    String key = UUID.randomUUID().toString();
    var first = announce(key, "500.00").statusCode(201).extract();
    announce(key, "500.00")
        .statusCode(201)
        .header("Location", equalTo(first.header("Location")))
        .body(equalTo(first.asString()));
    assertThat(pledgesOfAppeal()).isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theSameKeyWithAnotherBodyIsRejectedAndCreatesNothing() {
    String key = UUID.randomUUID().toString();
    announce(key, "500.00").statusCode(201);
    announce(key, "501.00").statusCode(422).body("type", endsWith("/idempotency-key-reused"));
    assertThat(pledgesOfAppeal()).isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aKeyWhoseFirstRequestIsInProgressIsAConflict() throws Exception {
    String key = UUID.randomUUID().toString();
    try (var held = new HeldIdempotencyKey("finance", key)) {
      announce(key, "500.00").statusCode(409).body("type", endsWith("/request-in-flight"));
    }
    assertThat(pledgesOfAppeal()).isZero();
  }

  /** The key is answered first even though its row is written after the checks (issue #18). */
  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aRetryAfterTheAppealClosedStillReplaysTheFirstAnswer() {
    String key = UUID.randomUUID().toString();
    var first = announce(key, "500.00").statusCode(201).extract();
    Appeals.publish(
        appeal,
        "org.jointappeal.appeal.closed.v1",
        Appeals.stateJson(appeal, 2, "CLOSED", List.of()));
    announce(key, "500.00")
        .statusCode(201)
        .header("Location", equalTo(first.header("Location")))
        .body(equalTo(first.asString()));
    announce(UUID.randomUUID().toString(), "500.00")
        .statusCode(422)
        .body("type", endsWith("/appeal-not-launched"));
    assertThat(pledgesOfAppeal()).isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theSameKeyWithAnotherBodyThatFailsItsChecksIsStillAReusedKey() {
    String key = UUID.randomUUID().toString();
    announce(key, "500.00").statusCode(201);
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key)
        .body(PledgeResourceTest.pledge(appeal, "ZZZ", "500.00", "USD"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/idempotency-key-reused"));
    assertThat(pledgesOfAppeal()).isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aRequestThatFailsItsChecksWhileItsKeyIsInProgressIsAConflict() throws Exception {
    String key = UUID.randomUUID().toString();
    try (var held = new HeldIdempotencyKey("finance", key)) {
      given()
          .contentType(JSON)
          .header("Idempotency-Key", key)
          .body(PledgeResourceTest.pledge(appeal, "ZZZ", "500.00", "USD"))
          .when()
          .post("/pledges")
          .then()
          .statusCode(409)
          .body("type", endsWith("/request-in-flight"));
    }
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aRefusedAnnouncementLeavesItsKeyFree() {
    String key = UUID.randomUUID().toString();
    given()
        .contentType(JSON)
        .header("Idempotency-Key", key)
        .body(PledgeResourceTest.pledge(appeal, "ZZZ", "500.00", "USD"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/unknown-donor"));
    announce(key, "500.00").statusCode(201);
    assertThat(pledgesOfAppeal()).isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void anAnnouncementWithoutAKeyStillWorks() {
    given()
        .contentType(JSON)
        .body(PledgeResourceTest.pledge(appeal, "USA", "500.00", "USD"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(201);
  }

  /** A user name can be changed or reused; the token's subject cannot. */
  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  @OidcSecurity(claims = @Claim(key = "sub", value = "8f1c9d2e-4b7a-4e0f-9c3d-2a6b5e7f1d00"))
  void theHistoryAndTheIdempotencyKeysRecordTheTokensSubjectNotTheUserName() {
    String subject = "8f1c9d2e-4b7a-4e0f-9c3d-2a6b5e7f1d00";
    String key = UUID.randomUUID().toString();
    String id = announce(key, "500.00").statusCode(201).extract().path("id");

    given()
        .when()
        .get("/pledges/" + id + "/history")
        .then()
        .statusCode(200)
        .body("by", contains(subject));
    assertThat(
            Db.count(
                "select count(*) from idempotency_key where subject = ? and idempotency_key = ?",
                subject,
                key))
        .isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theHistorySaysWhoDidWhatAndWhen() {
    String id =
        announce(UUID.randomUUID().toString(), "500.00").statusCode(201).extract().path("id");
    given()
        .contentType(JSON)
        .body("{\"agreementReference\":\"USA-1997-7\",\"signedOn\":\"1997-09-15\"}")
        .post("/pledges/" + id + "/commitment")
        .then()
        .statusCode(200);
    given()
        .when()
        .get("/pledges/" + id + "/history")
        .then()
        .statusCode(200)
        .body("action", contains("ANNOUNCED", "COMMITTED"))
        .body("by", contains("finance", "finance"))
        .body("version", contains(0, 1))
        .body("occurredOn", contains("1997-07-02", "1997-09-15"))
        .body("at", contains("1997-12-01T09:00:00Z", "1997-12-01T09:00:00Z"))
        .body("[1].detail", equalTo("agreement USA-1997-7"));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCannotReadAnotherDonorsHistory() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "SWE", "100.00", "USD");
    given()
        .when()
        .get("/pledges/" + id + "/history")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
