package org.jointappeal.notification.silence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every command honours Idempotency-Key, scoped to the caller, as in the other two services. */
@QuarkusTest
@StackResource
class RetriedCommandsTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void freshAppeal() {
    clock.reset();
    appeal = uniqueAppealCode();
  }

  private String silence(String comment) {
    return """
        {"matchers":[{"name":"appeal","value":"%s"}],"startsAt":"1997-11-30T00:00:00Z",
         "endsAt":"1997-12-31T00:00:00Z","comment":"%s"}"""
        .formatted(appeal, comment);
  }

  private static ValidatableResponse post(String key, String body) {
    return given()
        .contentType("application/json")
        .header("Idempotency-Key", key)
        .body(body)
        .when()
        .post("/silences")
        .then();
  }

  private long silencesOfAppeal() {
    return Db.count("select count(*) from silence where matchers::text like ?", "%" + appeal + "%");
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aSilenceRetriedWithItsKeyReplaysStatusLocationAndBodyAndIsCreatedOnce() {
    String key = UUID.randomUUID().toString();
    var first = post(key, silence("revision")).statusCode(201).extract();
    post(key, silence("revision"))
        .statusCode(201)
        .header("Location", equalTo(first.header("Location")))
        .body(equalTo(first.asString()));
    assertThat(silencesOfAppeal()).isOne();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theSameKeyWithAnotherBodyIsRefused() {
    String key = UUID.randomUUID().toString();
    post(key, silence("revision")).statusCode(201);
    post(key, silence("another comment"))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/idempotency-key-reused"));
    assertThat(silencesOfAppeal()).isOne();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void anExpiryRetriedWithItsKeyReplaysTheNoContentAnswer() {
    String id =
        post(UUID.randomUUID().toString(), silence("x")).statusCode(201).extract().path("id");
    String key = UUID.randomUUID().toString();
    for (int attempt = 0; attempt < 2; attempt++) {
      given()
          .header("Idempotency-Key", key)
          .when()
          .delete("/silences/" + id)
          .then()
          .statusCode(204);
    }
  }

  /** A user name can be changed or handed on; the token's subject cannot. */
  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  @OidcSecurity(claims = @Claim(key = "sub", value = "9b2e4f70-1c3d-4a5b-8e6f-7a8b9c0d1e2f"))
  void authorsSubscribersAndIdempotencyKeysAreTheTokensSubjectNotTheUserName() {
    String subject = "9b2e4f70-1c3d-4a5b-8e6f-7a8b9c0d1e2f";
    String key = UUID.randomUUID().toString();
    post(key, silence("by subject")).statusCode(201).body("createdBy", equalTo(subject));
    String subscription =
        given()
            .contentType("application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                """
                {"channel":"EMAIL","emailAddress":"%s@example.org","appealCode":"%s"}"""
                    .formatted(appeal.toLowerCase(), appeal))
            .when()
            .post("/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    assertThat(Db.column("select subscriber from subscription where id = ?::uuid", subscription))
        .containsExactly(subject);
    assertThat(
            Db.count(
                "select count(*) from idempotency_key where subject = ? and idempotency_key = ?",
                subject,
                key))
        .isOne();
  }
}
