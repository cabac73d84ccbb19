package org.jointappeal.pledge.pledge;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.KafkaTestClient;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@StackResource
class PledgeResourceTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppealWithRates() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Rates.record("NOK", "1997-07-01", "7.4600");
    Rates.record("JPY", "1997-07-01", "114.50");
  }

  static String pledge(String appeal, String donor, String amount, String currency) {
    String donorField = donor == null ? "" : "\"donorCode\":\"%s\",".formatted(donor);
    return """
        {"appealCode":"%s",%s"amount":{"amount":"%s","currency":"%s"},
         "announcedOn":"1997-07-02","occasion":"Steering Group, Geneva, 2 July 1997"}"""
        .formatted(appeal, donorField, amount, currency);
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorAnnouncesAPledgeValuedAtTheUnoreRateOfItsAnnouncementDate() {
    given()
        .contentType(JSON)
        .body(pledge(appeal, null, "1500000.00", "NOK"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(201)
        .header("Location", containsString("/pledges/"))
        .body("donorCode", equalTo("NOR"))
        .body("status", equalTo("ANNOUNCED"))
        .body("amount.amount", equalTo("1500000.00"))
        .body("amount.currency", equalTo("NOK"))
        // 1 500 000 / 7.46 = 201072.386... -> HALF_EVEN to cents
        .body("usdValue.amount", equalTo("201072.39"))
        .body("usdValue.currency", equalTo("USD"))
        .body("rateEffectiveFrom", equalTo("1997-07-01"));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCannotAnnounceAPledgeForAnotherDonor() {
    long before = Db.count("select count(*) from pledge where appeal_code = ?", appeal);
    given()
        .contentType(JSON)
        .body(pledge(appeal, "SWE", "1000.00", "NOK"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
    assertThat(Db.count("select count(*) from pledge where appeal_code = ?", appeal))
        .isEqualTo(before);
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCannotReadAnotherDonorsPledge() {
    String sweden = PledgeFixtures.announceAsFinanceOfficer(appeal, "SWE", "250000.00", "USD");
    given()
        .when()
        .get("/pledges/" + sweden)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", not(containsString("SWE")));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorListsOnlyItsOwnPledges() {
    PledgeFixtures.announceAsFinanceOfficer(appeal, "SWE", "250000.00", "USD");
    PledgeFixtures.announceAsFinanceOfficer(appeal, "NOR", "100.00", "USD");
    given()
        .queryParam("appealCode", appeal)
        .when()
        .get("/pledges")
        .then()
        .statusCode(200)
        .body("donorCode", hasItem("NOR"))
        .body("donorCode", not(hasItem("SWE")));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void pledgeInACurrencyWithoutARateIsRejectedNamingCurrencyAndDate() {
    given()
        .contentType(JSON)
        .body(pledge(appeal, "CHE", "1000.00", "CHF"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/missing-unore-rate"))
        .body("detail", containsString("CHF"))
        .body("detail", containsString("1997-07-02"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void amountWithMoreDecimalsThanTheCurrencyHasIsRejected() {
    given()
        .contentType(JSON)
        .body(pledge(appeal, "JPN", "1000.5", "JPY"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/too-many-decimals"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void anAmountOfSixteenIntegerDigitsIsRejectedNamingTheField() {
    // NUMERIC(19,4) holds 15 integer digits: this one used to pass validation and fail the insert
    given()
        .contentType(JSON)
        .body(pledge(appeal, "NOR", "1000000000000000.00", "NOK"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/amount-too-large"))
        .body("errors.field", hasItem("amount.amount"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void pledgeAgainstAnAppealNotKnownHereIsToBeRetried() {
    // unknown: not yet launched-and-heard-of, or not existing; pledge-service cannot tell which
    given()
        .contentType(JSON)
        .body(pledge("NO-SUCH-APPEAL", "NOR", "1000.00", "USD"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("2"))
        .body("type", endsWith("/appeal-not-yet-known"))
        .body("detail", containsString("NO-SUCH-APPEAL"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aPledgeIsAcceptedOnceTheLaunchHasArrived() {
    String fresh = Appeals.uniqueCode();
    given()
        .contentType(JSON)
        .body(pledge(fresh, "NOR", "1000.00", "USD"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(409)
        .body("type", endsWith("/appeal-not-yet-known"));
    Appeals.launch(fresh);
    given()
        .contentType(JSON)
        .body(pledge(fresh, "NOR", "1000.00", "USD"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(201);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void missingFieldsAreListedOneByOne() {
    given()
        .contentType(JSON)
        // missing, not malformed: a negative amount is a 422 naming it (StrictDecimalTest)
        .body("{\"appealCode\":\"" + appeal + "\",\"amount\":{}}")
        .when()
        .post("/pledges")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("amount.amount"))
        .body("errors.field", hasItem("amount.currency"))
        .body("errors.field", hasItem("announcedOn"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void malformedJsonIsABadRequestWithoutInternals() {
    given()
        .contentType(JSON)
        .body("{\"appealCode\": ")
        .when()
        .post("/pledges")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", not(containsString("jackson")))
        .body("detail", not(containsString("Exception")));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void unknownFieldIsRejected() {
    given()
        .contentType(JSON)
        .body(
            pledge(appeal, "NOR", "10.00", "USD")
                .replace("\"occasion\"", "\"status\":\"PAID\",\"occasion\""))
        .when()
        .post("/pledges")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("status"));
  }

  @Test
  void anonymousCallerIsUnauthorized() {
    given().when().get("/pledges").then().statusCode(401);
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void auditorCannotAnnounce() {
    given()
        .contentType(JSON)
        .body(pledge(appeal, "NOR", "10.00", "USD"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void announcedPledgeIsPublishedKeyedByAppealAsACloudEvent() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "NOR", "1500000.00", "NOK");
    var records =
        KafkaTestClient.readUntil(
            "pledge-events", r -> r.value().contains(id), Duration.ofSeconds(20));
    var record = records.get(records.size() - 1);
    assertThat(record.key()).isEqualTo(appeal);
    assertThat(KafkaTestClient.ceHeaders(record))
        .containsEntry("ce_type", "org.jointappeal.pledge.announced.v1")
        .containsEntry("ce_subject", id)
        .containsEntry("ce_source", "urn:jointappeal:pledge-service")
        .containsKey("ce_id");
    assertThat(record.value())
        .contains("\"usdValue\":{\"amount\":\"201072.39\",\"currency\":\"USD\"}");
    String eventId = KafkaTestClient.header(record, "ce_id");
    assertThat(
            Db.count(
                "select count(*) from outbox_event where id = ?::uuid and sent_at is not null",
                eventId))
        .isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void financeOfficerCommitsAnAnnouncedPledge() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "NOR", "1500000.00", "NOK");
    given()
        .contentType(JSON)
        .header("If-Match", "\"0\"")
        .body("{\"agreementReference\":\"NOR-1997-014\",\"signedOn\":\"1997-09-15\"}")
        .when()
        .post("/pledges/" + id + "/commitment")
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("status", equalTo("COMMITTED"))
        .body("committedOn", equalTo("1997-09-15"));
    KafkaTestClient.readUntil(
        "pledge-events",
        r ->
            "org.jointappeal.pledge.committed.v1".equals(KafkaTestClient.header(r, "ce_type"))
                && r.value().contains(id),
        Duration.ofSeconds(20));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void commitmentSignedBeforeTheAnnouncementIsRejected() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "NOR", "100.00", "USD");
    given()
        .contentType(JSON)
        .body("{\"agreementReference\":\"X-1\",\"signedOn\":\"1997-06-30\"}")
        .when()
        .post("/pledges/" + id + "/commitment")
        .then()
        .statusCode(422)
        .body("type", endsWith("/committed-before-announced"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void commitmentWithAStaleVersionIsAConflict() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "NOR", "100.00", "USD");
    given()
        .contentType(JSON)
        .header("If-Match", "\"7\"")
        .body("{\"agreementReference\":\"X-1\",\"signedOn\":\"1997-09-01\"}")
        .when()
        .post("/pledges/" + id + "/commitment")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCannotCommitItsOwnPledge() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "NOR", "100.00", "USD");
    given()
        .contentType(JSON)
        .body("{\"agreementReference\":\"X-1\",\"signedOn\":\"1997-09-01\"}")
        .when()
        .post("/pledges/" + id + "/commitment")
        .then()
        .statusCode(403);
  }
}
