package org.jointappeal.notification.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.api.Test;

/** Refusals that happen before a resource method runs still answer as documented problems. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class ProblemAnswersTest {

  private static final String PROBLEM = "application/problem+json";

  @Test
  void malformedJsonIsAnUnreadableBody() {
    given()
        .contentType("application/json")
        .body("{\"appealCode\": ")
        .when()
        .post("/silences")
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
        .post("/silences")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", endsWith("/unreadable-body"));
  }
}
