package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;

import java.util.UUID;

/**
 * Test data: bodies for POST/PUT /alert-rules. Valid defaults (a funding-gap rule below 40 % with
 * label team=test, every appeal unless scoped, active at once); a test states only what matters.
 */
final class RuleRequests {

  private String name = "t-" + UUID.randomUUID();
  private String appealCode;
  private String thresholdPercent = "40.00";
  private String activeFrom;
  private String team = "test";

  private RuleRequests() {}

  static RuleRequests aRule() {
    return new RuleRequests();
  }

  RuleRequests named(String name) {
    this.name = name;
    return this;
  }

  /** Tests scope their rules to their own appeal, so that no other test sees their alerts. */
  RuleRequests forAppeal(String appealCode) {
    this.appealCode = appealCode;
    return this;
  }

  RuleRequests below(String thresholdPercent) {
    this.thresholdPercent = thresholdPercent;
    return this;
  }

  RuleRequests activeFrom(String date) {
    this.activeFrom = date;
    return this;
  }

  RuleRequests team(String team) {
    this.team = team;
    return this;
  }

  String name() {
    return name;
  }

  String json() {
    return """
        {"name":"%s","description":"gap below %s %%","kind":"FUNDING_GAP","appealCode":%s,
         "labels":{"team":"%s"},"thresholdPercent":"%s","activeFrom":%s}"""
        .formatted(
            name, thresholdPercent, quoted(appealCode), team, thresholdPercent, quoted(activeFrom));
  }

  /** Creates the rule as the current test identity and returns its id. */
  String create() {
    return given()
        .contentType("application/json")
        .body(json())
        .when()
        .post("/alert-rules")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
