package org.jointappeal.appeal.appeal;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.StackResource;
import org.junit.jupiter.api.Test;

/** Every command honours Idempotency-Key, scoped to the caller, as in the other two services. */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class RetriedCommandsTest {

  private static ValidatableResponse create(String key, String body) {
    return given()
        .contentType(JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .when()
        .post("/appeals")
        .then();
  }

  private static String revision(String reason) {
    return """
        {"reason":"%s","effectiveOn":"1997-12-01","requirementLines":[%s]}"""
        .formatted(reason, Appeals.line("GEO", "UNHCR", "900000.00", "USD"));
  }

  private static ValidatableResponse revise(String code, String key, String body) {
    return given()
        .contentType(JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .when()
        .post("/appeals/" + code + "/revisions")
        .then();
  }

  @Test
  void aCreationRetriedWithItsKeyReplaysStatusLocationAndBody() {
    String code = Appeals.uniqueCode();
    String key = UUID.randomUUID().toString();
    var first = create(key, Appeals.draft(code)).statusCode(201).extract();
    create(key, Appeals.draft(code))
        .statusCode(201)
        .header("Location", equalTo(first.header("Location")))
        .header("ETag", equalTo(first.header("ETag")))
        .body(equalTo(first.asString()));
    assertThat(Db.count("select count(*) from appeal where code = ?", code)).isOne();
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    String key = UUID.randomUUID().toString();
    create(key, Appeals.draft(Appeals.uniqueCode())).statusCode(201);
    String other = Appeals.uniqueCode();
    create(key, Appeals.draft(other))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/idempotency-key-reused"));
    assertThat(Db.count("select count(*) from appeal where code = ?", other)).isZero();
  }

  @Test
  void aRevisionRetriedWithItsKeyIsRecordedOnce() {
    String code = Appeals.uniqueCode();
    create(UUID.randomUUID().toString(), Appeals.draft(code)).statusCode(201);
    given()
        .queryParam("launchedOn", "1996-11-20")
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(200);
    String key = UUID.randomUUID().toString();
    var first = revise(code, key, revision("mid-year")).statusCode(201).extract();
    revise(code, key, revision("mid-year"))
        .statusCode(201)
        .header("Location", equalTo(first.header("Location")))
        .body(equalTo(first.asString()));
    given()
        .when()
        .get("/appeals/" + code + "/revisions")
        .then()
        .statusCode(200)
        .body("size()", equalTo(2));
    revise(code, key, revision("another reason"))
        .statusCode(422)
        .body("type", endsWith("/idempotency-key-reused"));
  }

  @Test
  void theSameLaunchAgainWithoutAKeyAnswersTheCurrentState() {
    String code = Appeals.uniqueCode();
    create(UUID.randomUUID().toString(), Appeals.draft(code)).statusCode(201);
    given()
        .queryParam("launchedOn", "1996-11-20")
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(200);
    given()
        .queryParam("launchedOn", "1996-11-20")
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(200)
        .body("status", equalTo("LAUNCHED"));
    given()
        .queryParam("launchedOn", "1996-11-21")
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(409)
        .body("type", endsWith("/state-conflict"))
        .body("detail", org.hamcrest.Matchers.containsString("LAUNCHED since 1996-11-20"));
  }

  /** A user name can be changed or handed on; the token's subject cannot. */
  @Test
  @TestSecurity(user = "manager", roles = "appeal-manager")
  @OidcSecurity(claims = @Claim(key = "sub", value = "3c0d6b1e-7a2f-4e59-b8d4-5f1a9c2e7b30"))
  void theHistoryAndTheIdempotencyKeysRecordTheTokensSubjectNotTheUserName() {
    String subject = "3c0d6b1e-7a2f-4e59-b8d4-5f1a9c2e7b30";
    String code = Appeals.uniqueCode();
    String key = UUID.randomUUID().toString();
    create(key, Appeals.draft(code)).statusCode(201);
    given()
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .queryParam("launchedOn", "1996-11-20")
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(200);

    given()
        .when()
        .get("/appeals/" + code + "/history")
        .then()
        .statusCode(200)
        .body("action", org.hamcrest.Matchers.contains("CREATED", "LAUNCHED"))
        .body("actor", everyItem(equalTo(subject)));
    assertThat(
            Db.count(
                "select count(*) from idempotency_key where subject = ? and idempotency_key = ?",
                subject,
                key))
        .isOne();
  }
}
