package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.jointappeal.notification.FundingEvents.aFundingChange;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /alerts and /alerts/{id}: filters, roles and problem answers. */
@QuarkusTest
@StackResource
class AlertResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject TestClock clock;

  @BeforeEach
  void resetClock() {
    clock.reset();
  }

  /** An appeal whose coverage dropped below the threshold once: one FIRING alert. */
  private static String appealInAGap() {
    String appeal = uniqueAppealCode();
    aFundingChange().forAppeal(appeal).atVersion(1).covered("30.00").publishAndAwait();
    return appeal;
  }

  private static String onlyAlertId(String appeal, String status) {
    return given()
        .queryParam("appealCode", appeal)
        .queryParam("status", status)
        .when()
        .get("/alerts")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .extract()
        .path("[0].id");
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void financeOfficerReadsOneAlertById() {
    String appeal = appealInAGap();
    String id = onlyAlertId(appeal, "FIRING");

    given()
        .when()
        .get("/alerts/" + id)
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("id", equalTo(id))
        .body("status", equalTo("FIRING"))
        .body("labels.appeal", equalTo(appeal))
        .body("coveragePercent", equalTo("30.00"));
  }

  @Test
  @TestSecurity(user = "manager", roles = "appeal-manager")
  void appealManagerListsAlerts() {
    String appeal = appealInAGap();
    given()
        .queryParam("appealCode", appeal)
        .when()
        .get("/alerts")
        .then()
        .statusCode(200)
        .body("labels.appeal", hasItem(appeal));
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void auditorListsAlerts() {
    String appeal = appealInAGap();
    given()
        .queryParam("appealCode", appeal)
        .when()
        .get("/alerts")
        .then()
        .statusCode(200)
        .body("labels.appeal", hasItem(appeal));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theIssuesParameterNamesStateAndAppealFilterToo() {
    String appeal = appealInAGap();
    aFundingChange().forAppeal(appeal).atVersion(2).covered("75.00").publishAndAwait();
    aFundingChange().forAppeal(appeal).atVersion(3).covered("25.00").publishAndAwait();
    String firing = onlyAlertId(appeal, "FIRING");

    given()
        .queryParam("state", "FIRING")
        .queryParam("appeal", appeal)
        .when()
        .get("/alerts")
        .then()
        .statusCode(200)
        .body("id", org.hamcrest.Matchers.contains(firing));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aParameterAndItsOlderNameThatDisagreeAreABadRequest() {
    given()
        .queryParam("state", "FIRING")
        .queryParam("status", "RESOLVED")
        .when()
        .get("/alerts")
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void statusFilterReturnsOnlyAlertsInThatStatus() {
    String appeal = appealInAGap();
    aFundingChange().forAppeal(appeal).atVersion(2).covered("75.00").publishAndAwait();
    aFundingChange().forAppeal(appeal).atVersion(3).covered("25.00").publishAndAwait();
    String resolved = onlyAlertId(appeal, "RESOLVED");
    String firing = onlyAlertId(appeal, "FIRING");

    given()
        .queryParam("status", "RESOLVED")
        .when()
        .get("/alerts")
        .then()
        .statusCode(200)
        .body("status", everyItem(equalTo("RESOLVED")))
        .body("id", hasItem(resolved))
        .body("id", not(hasItem(firing)));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void appealCodeFilterReturnsOnlyThatAppealsAlerts() {
    String wanted = appealInAGap();
    String other = appealInAGap();

    given()
        .queryParam("appealCode", wanted)
        .when()
        .get("/alerts")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("labels.appeal", everyItem(equalTo(wanted)))
        .body("labels.appeal", not(hasItem(other)));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void unknownAlertIsNotFoundAsProblem() {
    UUID unknown = UUID.randomUUID();
    given()
        .when()
        .get("/alerts/" + unknown)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("status", equalTo(404))
        .body("type", endsWith("/not-found"))
        .body("instance", equalTo("/alerts/" + unknown));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void unknownStatusIsABadRequestNamingTheAllowedValues() {
    given()
        .queryParam("status", "BOGUS")
        .when()
        .get("/alerts")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("status"))
        .body("errors[0].message", containsString("FIRING"))
        .body("errors[0].message", containsString("RESOLVED"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void malformedAppealCodeIsABadRequest() {
    given()
        .queryParam("appealCode", "cis 1997; drop")
        .when()
        .get("/alerts")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("appealCode"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void malformedAlertIdIsRejectedAsProblem() {
    given()
        .when()
        .get("/alerts/not-a-uuid")
        .then()
        .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)))
        .contentType(PROBLEM);
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  void donorTokenWithoutDonorCodeIsForbidden() {
    given()
        .when()
        .get("/alerts")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("status", equalTo(403));
  }

  @Test
  void anonymousCallerIsUnauthorized() {
    given()
        .when()
        .get("/alerts")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .contentType(PROBLEM);
  }
}
