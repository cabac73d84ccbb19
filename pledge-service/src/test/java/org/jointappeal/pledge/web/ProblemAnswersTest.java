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
}
