package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;
import static org.jointappeal.notification.alert.RuleRequests.aRule;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /alert-rules: the rules as data, roles and problem answers. */
@QuarkusTest
@StackResource
class AlertRuleResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject TestClock clock;

  @BeforeEach
  void resetClock() {
    clock.reset();
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void theDefaultFundingGapRuleExistsAfterAFreshStart() {
    given()
        .when()
        .get("/alert-rules/00000000-0000-0000-0000-00000000a001")
        .then()
        .statusCode(200)
        .body("name", equalTo("funding-gap"))
        .body("kind", equalTo("FUNDING_GAP"))
        .body("appealCode", nullValue())
        .body("thresholdPercent", equalTo("50.00"))
        .body("labels.severity", equalTo("warning"))
        .body("activeFrom", nullValue());
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void auditorListsTheRules() {
    given().when().get("/alert-rules").then().statusCode(200).body("name", hasItem("funding-gap"));
  }

  @Test
  @TestSecurity(user = "manager", roles = "appeal-manager")
  void appealManagerCreatesARule() {
    var rule = aRule().forAppeal(uniqueAppealCode()).below("35.50").activeFrom("1998-01-01");
    String id =
        given()
            .contentType("application/json")
            .body(rule.json())
            .when()
            .post("/alert-rules")
            .then()
            .statusCode(201)
            .body("name", equalTo(rule.name()))
            .body("thresholdPercent", equalTo("35.50"))
            .body("activeFrom", equalTo("1998-01-01"))
            .body("labels.team", equalTo("test"))
            .extract()
            .path("id");

    given()
        .when()
        .get("/alert-rules/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo(rule.name()));
  }

  @Test
  @TestSecurity(user = "manager", roles = "appeal-manager")
  void createdRuleIsAtItsLocation() {
    given()
        .contentType("application/json")
        .body(aRule().forAppeal(uniqueAppealCode()).json())
        .when()
        .post("/alert-rules")
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.matchesPattern(".*/alert-rules/[0-9a-f-]{36}"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void financeOfficerRestatesARule() {
    var rule = aRule().forAppeal(uniqueAppealCode()).below("40.00");
    String id = rule.create();

    given()
        .contentType("application/json")
        .body(rule.below("20.00").json())
        .when()
        .put("/alert-rules/" + id)
        .then()
        .statusCode(200)
        .body("thresholdPercent", equalTo("20.00"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aDeletedRuleIsGone() {
    String id = aRule().forAppeal(uniqueAppealCode()).create();

    given().when().delete("/alert-rules/" + id).then().statusCode(204);

    given().when().get("/alert-rules/" + id).then().statusCode(404).contentType(PROBLEM);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aSecondRuleWithTheSameNameIsRefused() {
    var rule = aRule().forAppeal(uniqueAppealCode());
    rule.create();

    given()
        .contentType("application/json")
        .body(rule.json())
        .when()
        .post("/alert-rules")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", endsWith("/already-exists"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aThresholdAboveHundredIsABadRequest() {
    given()
        .contentType("application/json")
        .body(aRule().forAppeal(uniqueAppealCode()).below("100.01").json())
        .when()
        .post("/alert-rules")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("thresholdPercent"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void restatingAnUnknownRuleIsNotFound() {
    given()
        .contentType("application/json")
        .body(aRule().json())
        .when()
        .put("/alert-rules/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void auditorCannotCreateARule() {
    given()
        .contentType("application/json")
        .body(aRule().forAppeal(uniqueAppealCode()).json())
        .when()
        .post("/alert-rules")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  void donorCannotReadRules() {
    given().when().get("/alert-rules").then().statusCode(403).contentType(PROBLEM);
  }
}
