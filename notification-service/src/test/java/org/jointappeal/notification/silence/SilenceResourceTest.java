package org.jointappeal.notification.silence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.jointappeal.notification.FundingEvents.aFundingChange;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /silences: label matchers mute firing alerts from start to end; alerts still change state. */
@QuarkusTest
@StackResource
class SilenceResourceTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String BEFORE_NOW = "1997-11-30T00:00:00Z";
  private static final String AFTER_NOW = "1997-12-31T00:00:00Z";

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void freshAppeal() {
    clock.reset();
    appeal = uniqueAppealCode();
  }

  private static String silence(String matchers, String startsAt, String endsAt) {
    return """
        {"matchers":%s,"startsAt":"%s","endsAt":"%s","comment":"revision under way"}"""
        .formatted(matchers, startsAt, endsAt);
  }

  private String silenceOfAppeal(String startsAt, String endsAt) {
    return silence("[{\"name\":\"appeal\",\"value\":\"%s\"}]".formatted(appeal), startsAt, endsAt);
  }

  private String create(String body) {
    return given()
        .contentType("application/json")
        .body(body)
        .when()
        .post("/silences")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private ValidatableResponse gapAlert() {
    return given()
        .queryParam("appealCode", appeal)
        .queryParam("rule", "funding-gap")
        .when()
        .get("/alerts")
        .then()
        .statusCode(200);
  }

  private void covered(String percent, long version) {
    aFundingChange().forAppeal(appeal).atVersion(version).covered(percent).publishAndAwait();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theAuthorIsTheCallerAndTheSilenceIsAtItsLocation() {
    given()
        .contentType("application/json")
        .body(silenceOfAppeal(BEFORE_NOW, AFTER_NOW))
        .when()
        .post("/silences")
        .then()
        .statusCode(201)
        .header("Location", matchesPattern(".*/silences/[0-9a-f-]{36}"))
        .body("createdBy", equalTo("finance"))
        .body("comment", equalTo("revision under way"))
        .body("matchers[0].name", equalTo("appeal"))
        .body("matchers[0].value", equalTo(appeal))
        .body("state", equalTo("ACTIVE"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aFiringAlertMatchedByAnActiveSilenceIsMarkedSilenced() {
    covered("30.00", 1);

    create(silenceOfAppeal(BEFORE_NOW, AFTER_NOW));

    gapAlert().body("[0].status", equalTo("FIRING")).body("[0].silenced", equalTo(true));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aSilencedAlertStillResolves() {
    covered("30.00", 1);
    create(silenceOfAppeal(BEFORE_NOW, AFTER_NOW));

    covered("80.00", 2);

    gapAlert().body("[0].status", equalTo("RESOLVED")).body("[0].silenced", equalTo(false));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void anAlertMatchingOnlySomeMatchersIsNotSilenced() {
    covered("30.00", 1);

    create(
        silence(
            "[{\"name\":\"appeal\",\"value\":\"%s\"},{\"name\":\"rule\",\"value\":\"other\"}]"
                .formatted(appeal),
            BEFORE_NOW,
            AFTER_NOW));

    gapAlert().body("[0].silenced", equalTo(false));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aSilenceNotYetStartedDoesNotMute() {
    covered("30.00", 1);

    create(silenceOfAppeal("1997-12-15T00:00:00Z", AFTER_NOW));

    gapAlert().body("[0].silenced", equalTo(false));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theSilenceEndingReleasesTheAlert() {
    covered("30.00", 1);
    create(silenceOfAppeal(BEFORE_NOW, AFTER_NOW));

    clock.set(Instant.parse(AFTER_NOW));

    gapAlert().body("[0].silenced", equalTo(false));
  }

  @Test
  @TestSecurity(user = "manager", roles = "appeal-manager")
  void expiringASilenceReleasesTheAlertAndKeepsTheSilence() {
    covered("30.00", 1);
    String id = create(silenceOfAppeal(BEFORE_NOW, AFTER_NOW));

    given().when().delete("/silences/" + id).then().statusCode(204);

    gapAlert().body("[0].silenced", equalTo(false));
    given()
        .when()
        .get("/silences/" + id)
        .then()
        .statusCode(200)
        .body("state", equalTo("EXPIRED"))
        .body("endsAt", equalTo(TestClock.DEFAULT_NOW.toString()));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aSilenceEndingBeforeItStartsIsRefused() {
    given()
        .contentType("application/json")
        .body(silenceOfAppeal(AFTER_NOW, BEFORE_NOW))
        .when()
        .post("/silences")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", endsWith("/silence-ends-before-it-starts"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aSilenceWithoutMatchersIsABadRequest() {
    given()
        .contentType("application/json")
        .body(silence("[]", BEFORE_NOW, AFTER_NOW))
        .when()
        .post("/silences")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("matchers"));
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void auditorListsSilences() {
    given().when().get("/silences").then().statusCode(200);
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void auditorCannotCreateASilence() {
    given()
        .contentType("application/json")
        .body(silenceOfAppeal(BEFORE_NOW, AFTER_NOW))
        .when()
        .post("/silences")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
  }
}
