package org.jointappeal.notification.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.api.Test;

/**
 * Odd paths, parameters and text get a 4xx problem, never a 5xx: the path is decoded before the
 * answer names it, and PostgreSQL refuses NUL in text.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class AwkwardInputTest {

  private static final String PROBLEM = "application/problem+json";

  @Test
  void aNulInASilenceCommentIsRefusedNamingTheField() {
    given()
        .contentType("application/json")
        .body(
            """
            {"matchers":[{"name":"appeal","value":"CIS-1997"}],"startsAt":"1997-11-30T00:00:00Z",
             "endsAt":"1997-12-31T00:00:00Z","comment":"revision\\u0000under way"}""")
        .when()
        .post("/silences")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", endsWith("/control-characters"))
        .body("errors[0].field", equalTo("comment"));
  }

  @Test
  void aNulInAQueryParameterIsRefusedNamingIt() {
    given()
        .urlEncodingEnabled(false)
        .when()
        .get("/alerts?rule=%00")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("rule"));
  }

  @Test
  void aSpaceInAPathIsNotFoundAndNamedAsSent() {
    given()
        .urlEncodingEnabled(false)
        .when()
        .get("/alert-rules/a%20b")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("instance", equalTo("/alert-rules/a%20b"));
  }

  @Test
  void oddPathsAndParametersAreClientErrors() {
    for (String path :
        List.of(
            "/alerts/%00",
            "/alerts/a%20b",
            "/alerts?state=%00",
            "/alerts?appeal=" + "A".repeat(3000),
            "/alert-rules/%25",
            "/subscriptions/%00",
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
