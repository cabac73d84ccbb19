package org.jointappeal.notification.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * POST /subscriptions refuses webhooks into the operator's network (422 naming webhookUrl), as
 * literal addresses and as names; the test profile exempts only 127.0.0.2, its receivers' address.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "ssrf-tester", roles = "finance-officer")
class WebhookTargetPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:5433/",
        "http://10.1.2.3/hook",
        "http://172.16.0.1/hook",
        "http://192.168.1.1/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8083/hook",
        "http://[fd00::1]/hook",
        "http://[fe80::1]/hook",
        "http://0.0.0.0:8083/hook",
        "http://224.0.0.1/hook",
        "http://localhost:8083/hook",
        "http://LOCALHOST./hook"
      })
  void aWebhookIntoTheOperatorsNetworkIsRefusedAtRegistration(String url) {
    given()
        .contentType("application/json")
        .body(
            """
            {"channel":"WEBHOOK","webhookUrl":"%s","webhookSecret":"ssrf-secret-0123456789"}"""
                .formatted(url))
        .when()
        .post("/subscriptions")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://jointappeal.org/problems/webhook-target-refused"))
        .body("detail", startsWith("webhookUrl: "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://ops.example.org/hook", "http://user:pw@127.0.0.2/hook"})
  void aWebhookOtherThanPlainHttpToAHostIsRefused(String url) {
    given()
        .contentType("application/json")
        .body(
            """
            {"channel":"WEBHOOK","webhookUrl":"%s","webhookSecret":"ssrf-secret-0123456789"}"""
                .formatted(url))
        .when()
        .post("/subscriptions")
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(422)))
        .contentType("application/problem+json");
  }
}
