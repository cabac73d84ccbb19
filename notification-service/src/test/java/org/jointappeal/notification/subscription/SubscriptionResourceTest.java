package org.jointappeal.notification.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.Subscriptions;
import org.junit.jupiter.api.Test;

/** /subscriptions: the caller's own, a donor narrowed to its own donor code. */
@QuarkusTest
@StackResource
class SubscriptionResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject ObjectMapper json;

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aFinanceOfficerSubscribesByMailToAnAppeal() {
    given()
        .contentType("application/json")
        .body(
            """
            {"channel":"EMAIL","emailAddress":"finance@example.org","appealCode":"CIS-1997",
             "rule":"funding-gap"}""")
        .when()
        .post("/subscriptions")
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.containsString("/subscriptions/"))
        .body("subscriber", equalTo("finance"))
        .body("channel", equalTo("EMAIL"))
        .body("emailAddress", equalTo("finance@example.org"))
        .body("appealCode", equalTo("CIS-1997"))
        .body("rule", equalTo("funding-gap"));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorsSubscriptionIsNarrowedToItsOwnDonorCode() {
    UUID id =
        Subscriptions.create(
            """
            {"channel":"EMAIL","emailAddress":"mfa@example.no"}""");

    assertThatDonorCodeIs(id, "NOR");
  }

  private void assertThatDonorCodeIs(UUID id, String code) {
    given()
        .when()
        .get("/subscriptions/{id}", id)
        .then()
        .statusCode(200)
        .body("donorCode", equalTo(code));
    org.assertj.core.api.Assertions.assertThat(
            Db.count("select count(*) from subscription where id = ? and donor_code = ?", id, code))
        .isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorCannotSubscribeToAnotherDonorsAlerts() {
    given()
        .contentType("application/json")
        .body(
            """
            {"channel":"EMAIL","emailAddress":"mfa@example.no","donorCode":"SWE"}""")
        .when()
        .post("/subscriptions")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("type", endsWith("/forbidden"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aMailSubscriptionWithoutAnAddressIsRefused() {
    given()
        .contentType("application/json")
        .body(
            """
            {"channel":"EMAIL","webhookUrl":"https://ops.example.org/hook"}""")
        .when()
        .post("/subscriptions")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", endsWith("/subscription-target-mismatch"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aWebhookSecretShorterThan16CharactersIsInvalid() {
    given()
        .contentType("application/json")
        .body(
            """
            {"channel":"WEBHOOK","webhookUrl":"https://ops.example.org/hook","webhookSecret":"short"}""")
        .when()
        .post("/subscriptions")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("webhookSecret"));
  }

  @Test
  @TestSecurity(user = "capped-subscriber", roles = "finance-officer")
  void aSubscriberAtTheCapIsRefusedAnotherSubscription() {
    // the test profile's cap is 100: 99 held, the 100th is taken, the 101st refused
    Db.update("delete from subscription where subscriber = 'capped-subscriber'");
    Db.update(
        """
        insert into subscription (id, subscriber, channel, email_address, appeal_code,
                                  created_at, version)
        select gen_random_uuid(), 'capped-subscriber', 'EMAIL', 'cap@example.org', 'NO-DISPATCH',
               now(), 0
        from generate_series(1, 99)""");
    // filtered to an appeal nothing alerts on: these must not receive other tests' alerts
    String mail =
        """
        {"channel":"EMAIL","emailAddress":"cap@example.org","appealCode":"NO-DISPATCH"}""";
    given()
        .contentType("application/json")
        .body(mail)
        .post("/subscriptions")
        .then()
        .statusCode(201);

    given()
        .contentType("application/json")
        .body(mail)
        .when()
        .post("/subscriptions")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", endsWith("/too-many-subscriptions"))
        .body("detail", org.hamcrest.Matchers.containsString("at most 100"));
    org.assertj.core.api.Assertions.assertThat(
            Db.count("select count(*) from subscription where subscriber = 'capped-subscriber'"))
        .isEqualTo(100);
    Db.update("delete from subscription where subscriber = 'capped-subscriber'");
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void someoneElsesSubscriptionReadsAsMissing() {
    UUID othersId = UUID.randomUUID();
    Db.count(
        """
        with inserted as (
          insert into subscription (id, subscriber, channel, email_address, created_at, version)
          values (?, 'manager', 'EMAIL', 'manager@example.org', now(), 0) returning 1)
        select count(*) from inserted""",
        othersId);

    given().when().get("/subscriptions/{id}", othersId).then().statusCode(404).contentType(PROBLEM);
    given().when().delete("/subscriptions/{id}", othersId).then().statusCode(404);
    given()
        .when()
        .get("/subscriptions")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(othersId.toString())));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void deletingASubscriptionEndsIt() {
    UUID id = Subscriptions.emailForAppeal("finance@example.org", "CIS-1997");

    given().when().delete("/subscriptions/{id}", id).then().statusCode(204);

    given().when().get("/subscriptions/{id}", id).then().statusCode(404);
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void anAuditorCannotSubscribe() {
    given()
        .contentType("application/json")
        .body(
            """
            {"channel":"EMAIL","emailAddress":"audit@example.org"}""")
        .when()
        .post("/subscriptions")
        .then()
        .statusCode(403);
  }

  @Test
  void theOpenApiDocumentDescribesSubscriptionsAndTheStream() {
    given()
        .queryParam("format", "json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/subscriptions'.post.responses.'201'", org.hamcrest.Matchers.notNullValue())
        .body("paths.'/subscriptions'.post.responses.'403'", org.hamcrest.Matchers.notNullValue())
        .body("paths.'/alerts/stream'.get.responses.'200'", org.hamcrest.Matchers.notNullValue())
        .body(
            "paths.'/alerts/{alertId}'.get.responses.'200'.content.'application/json'.examples",
            org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void theOpenApiExamplesAreValidJson() throws Exception {
    for (String example :
        new String[] {
          SubscriptionExamples.CREATE_WEBHOOK,
          SubscriptionExamples.CREATED_WEBHOOK,
          SubscriptionExamples.CREATED_DONOR_EMAIL,
          SubscriptionExamples.TARGET_MISMATCH_PROBLEM,
          org.jointappeal.notification.alert.AlertExamples.NOTIFIED_ALERT,
          org.jointappeal.notification.alert.AlertExamples.NOTIFICATION_LOG
        }) {
      json.readTree(example);
    }
  }
}
