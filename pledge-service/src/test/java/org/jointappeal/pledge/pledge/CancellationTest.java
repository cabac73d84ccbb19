package org.jointappeal.pledge.pledge;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.KafkaTestClient;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.jointappeal.pledge.events.PledgeCancelledV1;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@StackResource
class CancellationTest {

  static final String CANCELLATION =
      "{\"cancelledOn\":\"1997-08-15\",\"reason\":\"Funds redirected\"}";

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppeal() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Rates.record("NOK", "1997-07-01", "7.4600");
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCancelsItsOwnAnnouncedPledge() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "NOR", "1500000.00", "NOK");
    given()
        .contentType(JSON)
        .body(CANCELLATION)
        .when()
        .post("/pledges/" + id + "/cancellation")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("cancelledOn", equalTo("1997-08-15"))
        .body("outstanding.amount", equalTo("0.00"))
        .body("outstandingUsd.amount", equalTo("0.00"))
        .body("instalments.status", everyItem(equalTo("CANCELLED")));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCannotCancelAnotherDonorsPledge() {
    String sweden = PledgeFixtures.announceAsFinanceOfficer(appeal, "SWE", "100.00", "USD");
    given()
        .contentType(JSON)
        .body(CANCELLATION)
        .when()
        .post("/pledges/" + sweden + "/cancellation")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void financeOfficerCancelsACommittedPledge() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "SWE", "100.00", "USD");
    PledgeFixtures.commit(id);
    given()
        .contentType(JSON)
        .body("{\"cancelledOn\":\"1997-10-01\"}")
        .when()
        .post("/pledges/" + id + "/cancellation")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("agreementReference", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aWrittenOffPledgeCannotBeCancelled() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "SWE", "100.00", "USD");
    PledgeFixtures.commit(id);
    PledgeFixtures.writeOff(id);
    given()
        .contentType(JSON)
        .body(CANCELLATION.replace("1997-08-15", "1997-11-30"))
        .when()
        .post("/pledges/" + id + "/cancellation")
        .then()
        .statusCode(409)
        .body("type", endsWith("/state-conflict"))
        .body("detail", org.hamcrest.Matchers.containsString("WRITTEN_OFF since 1997-11-30"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aCancellationDatedBeforeTheAnnouncementIsRejected() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "SWE", "100.00", "USD");
    given()
        .contentType(JSON)
        .body("{\"cancelledOn\":\"1997-07-01\"}")
        .when()
        .post("/pledges/" + id + "/cancellation")
        .then()
        .statusCode(422)
        .body("type", endsWith("/date-before-announcement"));
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void auditorCannotCancel() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "SWE", "100.00", "USD");
    given()
        .contentType(JSON)
        .body(CANCELLATION)
        .when()
        .post("/pledges/" + id + "/cancellation")
        .then()
        .statusCode(403);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aCancellationIsPublished() {
    String id = PledgeFixtures.announceAsFinanceOfficer(appeal, "SWE", "100.00", "USD");
    given()
        .contentType(JSON)
        .body(CANCELLATION)
        .post("/pledges/" + id + "/cancellation")
        .then()
        .statusCode(200);
    KafkaTestClient.readUntil(
        "pledge-events",
        r ->
            PledgeCancelledV1.TYPE.equals(KafkaTestClient.header(r, "ce_type"))
                && r.value().contains(id)
                && r.value().contains("\"status\":\"CANCELLED\""),
        Duration.ofSeconds(20));
  }
}
