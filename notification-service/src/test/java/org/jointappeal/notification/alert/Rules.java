package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** Creates rules of any kind from their JSON parameters; each test names its own. */
final class Rules {

  private Rules() {}

  /** A fresh rule name, so that no two tests share alerts. */
  static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * POSTs a rule: {@code parameters} is the JSON of the kind's fields, e.g. {@code
   * "minDaysOverdue":30}; labels are severity=warning.
   */
  static ValidatableResponse post(String name, String kind, String appealCode, String parameters) {
    String body =
        """
        {"name":"%s","description":"test rule","kind":"%s","appealCode":%s,
         "labels":{"severity":"warning"}%s}"""
            .formatted(
                name,
                kind,
                appealCode == null ? "null" : "\"" + appealCode + "\"",
                parameters.isEmpty() ? "" : "," + parameters);
    return given().contentType("application/json").body(body).when().post("/alert-rules").then();
  }

  static String create(String name, String kind, String appealCode, String parameters) {
    return post(name, kind, appealCode, parameters).statusCode(201).extract().path("id");
  }

  /** The alerts a rule raised, newest first. */
  static ValidatableResponse alertsOf(String rule) {
    return given().queryParam("rule", rule).when().get("/alerts").then().statusCode(200);
  }
}
