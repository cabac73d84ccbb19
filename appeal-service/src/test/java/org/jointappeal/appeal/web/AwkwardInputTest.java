package org.jointappeal.appeal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.Map;
import org.jointappeal.appeal.StackResource;
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
  void aSpaceInAnAppealCodeIsNotFound() {
    given()
        .urlEncodingEnabled(false)
        .when()
        .get("/appeals/a%20b")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("instance", equalTo("/appeals/a%20b"));
  }

  @Test
  void aNulInAnAppealCodeIsRefusedNamingTheParameter() {
    given()
        .urlEncodingEnabled(false)
        .when()
        .get("/appeals/%00")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", endsWith("/control-characters"))
        .body("errors[0].field", equalTo("code"));
  }

  @Test
  void aNulOnAPathNoResourceServesIsNotFound() {
    given()
        .urlEncodingEnabled(false)
        .when()
        .get("/nowhere/%00%0d%0a")
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
  }

  @Test
  void aControlCharacterInAQueryParameterIsRefused() {
    given()
        .urlEncodingEnabled(false)
        .when()
        .get("/appeals/CIS-1997/funding?asOf=1997-07-02%01")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("asOf"));
  }

  @Test
  void oddPathsAndParametersAreClientErrors() {
    for (String path :
        List.of(
            "/appeals/%25",
            "/appeals/" + "A".repeat(3000),
            "/appeals/CIS-1997/funding?asOf=yesterday",
            "/appeals/CIS-1997/funding?groupBy=%00",
            "/appeals/CIS-1997/funding?asOf=" + "9".repeat(2000),
            "/appeals/..%2f..%2fetc/history",
            "/appeals/%E2%80%AE/history")) {
      given()
          .urlEncodingEnabled(false)
          .when()
          .get(path)
          .then()
          .statusCode(lessThan(500))
          .contentType(PROBLEM);
    }
  }

  @Test
  void aNulInATitleIsRefusedNamingTheField() {
    given()
        .contentType("application/json")
        .body(appeal("NUL-1", "Winter\u0000appeal", null))
        .when()
        .post("/appeals")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", endsWith("/control-characters"))
        .body("errors[0].field", equalTo("title"));
  }

  @Test
  void aControlCharacterInALineIsRefusedNamingTheLine() {
    given()
        .contentType("application/json")
        .body(appeal("NUL-2", "Winter appeal", "shelter\u001b[31m"))
        .when()
        .post("/appeals")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("requirementLines[0].description"));
  }

  @Test
  void tabsAndNewlinesAreText() {
    given()
        .contentType("application/json")
        .body(appeal("TAB-1", "Winter\tappeal\nfor the CIS", "shelter\nand food"))
        .when()
        .post("/appeals")
        .then()
        .statusCode(201);
  }

  private static Map<String, Object> appeal(String code, String title, String lineDescription) {
    var line = new java.util.HashMap<String, Object>();
    line.put("country", "GEO");
    line.put("agency", "UNHCR");
    line.put("sector", "PROTECTION");
    line.put("category", "REFUGEES");
    line.put("priority", "EMERGENCY");
    line.put("amount", Map.of("amount", "600000.00", "currency", "USD"));
    if (lineDescription != null) {
      line.put("description", lineDescription);
    }
    return Map.of(
        "code",
        code,
        "title",
        title,
        "agencies",
        List.of("UNHCR"),
        "periodStart",
        "1997-01-01",
        "periodEnd",
        "1997-12-31",
        "requirementLines",
        List.of(line));
  }
}
