package org.jointappeal.pledge.pledge;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@StackResource
class WriteOffTest {

  static final String WRITE_OFF =
      "{\"reason\":\"Donor confirmed the balance will not be paid\",\"writtenOffOn\":\"1997-11-30\"}";

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppeal() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Rates.record("NOK", "1997-07-01", "7.4600");
  }

  private String committed(String donor, String amount, String currency) {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, donor, amount, currency);
    PledgeFixtures.commit(id);
    return id;
  }

  private static io.restassured.response.ValidatableResponse writeOff(String id, String key) {
    return given()
        .contentType(JSON)
        .header("Idempotency-Key", key)
        .body(WRITE_OFF)
        .when()
        .post("/pledges/" + id + "/write-offs")
        .then();
  }

  private static long writeOffsOf(String id) {
    return Db.count("select count(*) from write_off where pledge_id = ?::uuid", id);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void financeOfficerWritesOffTheOutstandingRemainder() {
    String id = committed("NOR", "1500000.00", "NOK");
    writeOff(id, UUID.randomUUID().toString())
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.containsString("/pledges/" + id + "/write-offs/"))
        .body("amount.amount", equalTo("1500000.00"))
        .body("amount.currency", equalTo("NOK"))
        // 1 500 000 / 7.46 = 201072.386... -> HALF_EVEN to cents, at the pledge's rate
        .body("usdAmount.amount", equalTo("201072.39"))
        .body("recordedBy", equalTo("finance"));
    given()
        .when()
        .get("/pledges/" + id)
        .then()
        .body("status", equalTo("WRITTEN_OFF"))
        .body("writtenOff.amount", equalTo("1500000.00"))
        .body("writtenOffUsd.amount", equalTo("201072.39"))
        .body("outstanding.amount", equalTo("0.00"))
        .body("outstandingUsd.amount", equalTo("0.00"))
        .body("instalments.status", everyItem(equalTo("WRITTEN_OFF")));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theSameWriteOffUnderAnotherKeyAnswersTheWriteOffMade() {
    String id = committed("SWE", "100.00", "USD");
    String made = writeOff(id, UUID.randomUUID().toString()).statusCode(201).extract().path("id");
    writeOff(id, UUID.randomUUID().toString()).statusCode(200).body("id", equalTo(made));
    assertThat(writeOffsOf(id)).isOne();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void anotherWriteOffOfAWrittenOffPledgeIsAStateConflict() {
    String id = committed("SWE", "100.00", "USD");
    writeOff(id, UUID.randomUUID().toString()).statusCode(201);
    given()
        .contentType(JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(WRITE_OFF.replace("1997-11-30", "1997-12-01"))
        .when()
        .post("/pledges/" + id + "/write-offs")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("/state-conflict"))
        .body("detail", org.hamcrest.Matchers.containsString("WRITTEN_OFF since 1997-11-30"));
    assertThat(writeOffsOf(id)).isOne();
    assertThat(writeOffsOf(id)).isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aRetryWithTheSameKeyReplaysTheWriteOffWithoutASecondOne() {
    String id = committed("SWE", "100.00", "USD");
    String key = UUID.randomUUID().toString();
    String location = writeOff(id, key).statusCode(201).extract().header("Location");
    writeOff(id, key).statusCode(201).header("Location", equalTo(location));
    assertThat(writeOffsOf(id)).isEqualTo(1);
    assertThat(
            Db.count(
                "select count(*) from outbox_event where subject = ? and type = ?",
                id,
                "org.jointappeal.pledge.written-off.v1"))
        .isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theWriteOffCanBeReadAtItsLocation() {
    String id = committed("SWE", "100.00", "USD");
    String location = writeOff(id, UUID.randomUUID().toString()).extract().header("Location");
    given()
        .when()
        .get(location)
        .then()
        .statusCode(200)
        .body("pledgeId", equalTo(id))
        .body("reason", equalTo("Donor confirmed the balance will not be paid"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aWriteOffWithoutAnIdempotencyKeyIsABadRequest() {
    String id = committed("SWE", "100.00", "USD");
    given()
        .contentType(JSON)
        .body(WRITE_OFF)
        .when()
        .post("/pledges/" + id + "/write-offs")
        .then()
        .statusCode(400)
        .body("type", endsWith("/idempotency-key-required"));
    assertThat(writeOffsOf(id)).isZero();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void anAnnouncedPledgeCannotBeWrittenOff() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "SWE", "100.00", "USD");
    writeOff(id, UUID.randomUUID().toString())
        .statusCode(422)
        .body("type", endsWith("/nothing-to-write-off"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aWriteOffWithoutAReasonIsABadRequest() {
    String id = committed("SWE", "100.00", "USD");
    given()
        .contentType(JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body("{\"writtenOffOn\":\"1997-11-30\"}")
        .when()
        .post("/pledges/" + id + "/write-offs")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItem("reason"));
  }

  @Test
  @TestSecurity(user = "donor-swe", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "SWE"))
  void donorCannotWriteOffItsOwnPledge() {
    String id = committed("SWE", "100.00", "USD");
    writeOff(id, UUID.randomUUID().toString()).statusCode(403);
  }
}
