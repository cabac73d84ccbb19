package org.jointappeal.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Calls to the running services, as a user of the given name. */
final class Api {

  private Api() {}

  static RequestSpecification as(String user, String service) {
    return given()
        .baseUri(RunningPlatform.url(service))
        .auth()
        .oauth2(RunningPlatform.token(user))
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  static RequestSpecification anonymous(String service) {
    return given().baseUri(RunningPlatform.url(service)).contentType(ContentType.JSON);
  }

  static String uniqueAppealCode() {
    return "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** A draft appeal with two lines, USD 600,000 + 400,000 = 1,000,000 of requirements. */
  static String appeal(String code) {
    return """
        {"code":"%s","title":"End-to-end appeal %s","agencies":["UNHCR","IOM"],
         "periodStart":"1997-01-01","periodEnd":"1997-12-31",
         "requirementLines":[
           {"country":"GEO","agency":"UNHCR","sector":"PROTECTION","category":"INTERNALLY_DISPLACED_PERSONS",
            "priority":"EMERGENCY","amount":{"amount":"600000.00","currency":"USD"}},
           {"country":"TJK","agency":"IOM","sector":"MIGRATION_MANAGEMENT","category":"ILLEGAL_MIGRANTS",
            "priority":"NON_EMERGENCY","amount":{"amount":"400000.00","currency":"USD"}}]}"""
        .formatted(code, code);
  }

  static String pledge(String appeal, String donorOrNull, String amount, String currency) {
    String donor = donorOrNull == null ? "" : "\"donorCode\":\"" + donorOrNull + "\",";
    return """
        {"appealCode":"%s",%s"amount":{"amount":"%s","currency":"%s"},
         "announcedOn":"1997-07-02","occasion":"Steering Group, Geneva, 2 July 1997"}"""
        .formatted(appeal, donor, amount, currency);
  }

  static void createAndLaunch(String code) {
    as("manager", "appeal-service").body(appeal(code)).post("/appeals").then().statusCode(201);
    as("manager", "appeal-service").post("/appeals/" + code + "/launch").then().statusCode(200);
  }
}
