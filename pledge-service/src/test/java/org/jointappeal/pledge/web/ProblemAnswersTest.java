package org.jointappeal.pledge.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointappeal.pledge.StackResource;
import org.junit.jupiter.api.Test;

/** Refusals that happen before a resource method runs still answer as documented problems. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class ProblemAnswersTest {

  private static final String PROBLEM = "application/problem+json";

  @ConfigProperty(name = "quarkus.http.limits.max-body-size")
  MemorySize maxBodySize;

  @ConfigProperty(name = "pledge.http.max-body-size")
  MemorySize routeLimit;

  @Test
  void malformedJsonIsAnUnreadableBody() {
    given()
        .contentType("application/json")
        .body("{\"appealCode\": ")
        .when()
        .post("/pledges")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", endsWith("/unreadable-body"))
        .body("detail", equalTo("the body is not valid JSON"));
  }

  @Test
  void aBodyThatIsNotJsonAtAllIsAnUnreadableBody() {
    given()
        .contentType("application/json")
        .body("appealCode=CIS-1997&amount=100")
        .when()
        .post("/pledges")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", endsWith("/unreadable-body"));
  }

  @Test
  void aBodyOverTheConfiguredLimitIsRefusedAsAProblem() {
    // just over quarkus.http.limits.max-body-size, whatever this service sets it to
    int overTheLimit = Math.toIntExact(maxBodySize.asLongValue()) + 1;
    given()
        .contentType("application/json")
        .body("\"" + "x".repeat(overTheLimit) + "\"")
        .when()
        .post("/pledges")
        .then()
        .statusCode(413)
        .contentType(PROBLEM)
        .body("type", endsWith("/request-entity-too-large"))
        .body("status", equalTo(413))
        .body("instance", equalTo("/pledges"));
  }

  @Test
  void aJsonBodyJustOverTheRouteLimitIsRefusedAsAProblem() {
    // 1 MB on every route but the statement import, far below the transport limit
    int overTheLimit = Math.toIntExact(routeLimit.asLongValue()) + 1;
    given()
        .contentType("application/json")
        .body("\"" + "x".repeat(overTheLimit) + "\"")
        .when()
        .post("/receipts")
        .then()
        .statusCode(413)
        .contentType(PROBLEM)
        .body("type", endsWith("/request-entity-too-large"))
        .body("instance", equalTo("/receipts"));
  }

  @Test
  void aStatementOverTheRouteLimitReachesTheImportWhichAppliesItsOwnLimit() {
    // more than 1 MB: past the route limit of other routes; the import answers (its limit in the
    // test profile is 256 KiB), not the generic refusal
    int overTheRouteLimit = Math.toIntExact(routeLimit.asLongValue()) + 1;
    given()
        .contentType("application/xml")
        .body("<Document>" + " ".repeat(overTheRouteLimit) + "</Document>")
        .when()
        .post("/bank-statements")
        .then()
        .statusCode(413)
        .contentType(PROBLEM)
        .body("type", endsWith("/bank-statement-too-large"));
  }
}
