package org.jointappeal.pledge.web;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.Pledges;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Odd paths, parameters and text get a 4xx problem, never a 5xx: the path is decoded before the
 * answer names it, and PostgreSQL refuses NUL in text.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class AwkwardInputTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppealWithARate() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Pledges.rate("NOK", "1997-07-01", "7.4600");
  }

  private String pledge(String occasion) {
    return """
        {"appealCode":"%s","donorCode":"NOR","amount":{"amount":"1000.00","currency":"NOK"},
         "announcedOn":"1997-07-02","occasion":"%s"}"""
        .formatted(appeal, occasion);
  }

  @Test
  void aNulInAnOccasionIsRefusedNamingTheFieldAndNothingIsStored() {
    given()
        .contentType(JSON)
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .body(pledge("Steering Group\\u0000"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", endsWith("/control-characters"))
        .body("errors[0].field", equalTo("occasion"));

    assertThat(Db.count("select count(*) from pledge where appeal_code = ?", appeal)).isZero();
  }

  @Test
  void aNewlineInAnOccasionIsText() {
    given()
        .contentType(JSON)
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .body(pledge("Steering Group,\\nGeneva"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(201);
  }

  @Test
  void aControlCharacterInADonorNameIsRefused() {
    given()
        .contentType(JSON)
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .body("{\"code\":\"QQQ\",\"name\":\"Bell\\u0007\",\"kind\":\"STATE\"}")
        .when()
        .post("/donors")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("name"));
  }

  @Test
  void aNulInAPathParameterIsRefusedNamingIt() {
    given()
        .urlEncodingEnabled(false)
        .when()
        .get("/donors/%00")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("code"));
  }

  @Test
  void aSpaceInAPathIsNotFoundAndNamedAsSent() {
    given()
        .urlEncodingEnabled(false)
        .when()
        .get("/pledges/a%20b/history")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("instance", equalTo("/pledges/a%20b/history"));
  }

  @Test
  void oddPathsAndParametersAreClientErrors() {
    for (String path :
        List.of(
            "/pledges/a%20b",
            "/pledges/%00",
            "/pledges/%25/history",
            "/pledges?appealCode=%00",
            "/pledges?appealCode=" + "A".repeat(3000),
            "/receipts/not-a-uuid",
            "/exchange-rates/NOK/yesterday",
            "/exchange-rates/%00/1997-07-01",
            "/exchange-rates?currency=N%0AK",
            "/exports/iati?appeal=%00",
            "/exports/iati?appeal=a%20b",
            "/reconciliation/appeals/%00",
            "/reconciliation/appeals/" + appeal + "?asOf=not-a-date",
            "/reconciliation/donors/a%20b",
            "/nowhere/%00")) {
      given()
          .urlEncodingEnabled(false)
          .when()
          .get(path)
          .then()
          .statusCode(lessThan(500))
          .contentType(PROBLEM);
    }
  }
}
