package org.jointappeal.notification;

import static io.restassured.RestAssured.given;

import java.util.UUID;

/** POST /subscriptions as the test's caller (set with @TestSecurity). */
public final class Subscriptions {

  private Subscriptions() {}

  public static UUID emailForAppeal(String address, String appeal) {
    return create(
        """
        {"channel":"EMAIL","emailAddress":"%s","appealCode":"%s"}"""
            .formatted(address, appeal));
  }

  public static UUID webhookForAppeal(String url, String secret, String appeal) {
    return create(
        """
        {"channel":"WEBHOOK","webhookUrl":"%s","webhookSecret":"%s","appealCode":"%s"}"""
            .formatted(url, secret, appeal));
  }

  public static UUID create(String json) {
    String id =
        given()
            .contentType("application/json")
            .body(json)
            .when()
            .post("/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return UUID.fromString(id);
  }
}
