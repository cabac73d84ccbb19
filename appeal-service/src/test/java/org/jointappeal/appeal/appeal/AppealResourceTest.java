package org.jointappeal.appeal.appeal;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.KafkaTestClient;
import org.jointappeal.appeal.StackResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class AppealResourceTest {

  private static void create(String code) {
    given()
        .contentType(JSON)
        .body(Appeals.draft(code))
        .when()
        .post("/appeals")
        .then()
        .statusCode(201);
  }

  @Test
  void managerCreatesADraftAppealWithItsRequirementLines() {
    String code = Appeals.uniqueCode();
    given()
        .contentType(JSON)
        .body(Appeals.draft(code))
        .when()
        .post("/appeals")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/appeals/" + code))
        .header("ETag", equalTo("\"0\""))
        .body("status", equalTo("DRAFT"))
        .body("agencies", equalTo(java.util.List.of("UNHCR", "IOM")))
        .body("requirementLines", hasSize(2))
        .body("currentRequirements.amount", equalTo("1000000.00"))
        .body("currentRequirements.currency", equalTo("USD"));
  }

  @Test
  void creatingPublishesTheDraftOnAppealEventsKeyedByCode() {
    String code = Appeals.uniqueCode();
    create(code);
    var records =
        KafkaTestClient.readUntil(
            "appeal-events",
            r ->
                code.equals(r.key())
                    && "org.jointappeal.appeal.created.v1"
                        .equals(KafkaTestClient.header(r, "ce_type")),
            Duration.ofSeconds(20));
    var record = records.get(records.size() - 1);
    assertThat(KafkaTestClient.ceHeaders(record))
        .containsEntry("ce_source", "urn:jointappeal:appeal-service")
        .containsEntry("ce_subject", code);
    assertThat(record.value()).contains("\"status\":\"DRAFT\"").contains("\"country\":\"GEO\"");
  }

  @Test
  void launchingPublishesTheAppealAndItsZeroFunding() {
    String code = Appeals.uniqueCode();
    create(code);
    given()
        .header("If-Match", "\"0\"")
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(200)
        .body("status", equalTo("LAUNCHED"))
        .body("launchedOn", equalTo("1997-12-01"));
    KafkaTestClient.readUntil(
        "appeal-events",
        r ->
            code.equals(r.key())
                && "org.jointappeal.appeal.launched.v1"
                    .equals(KafkaTestClient.header(r, "ce_type")),
        Duration.ofSeconds(20));
    var funding =
        KafkaTestClient.readUntil(
            "funding-events", r -> code.equals(r.key()), Duration.ofSeconds(20));
    assertThat(funding.get(funding.size() - 1).value())
        .contains("\"version\":1")
        .contains("\"coveragePercent\":\"0.00\"")
        .contains("\"unmet\":{\"amount\":\"1000000.00\",\"currency\":\"USD\"}");
  }

  @Test
  void anAppealCodeIsTakenOnlyOnce() {
    String code = Appeals.uniqueCode();
    create(code);
    given()
        .contentType(JSON)
        .body(Appeals.draft(code))
        .when()
        .post("/appeals")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(Db.count("select count(*) from requirement_line where appeal_code = ?", code))
        .isEqualTo(2);
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsRejected() {
    String body =
        Appeals.draft(Appeals.uniqueCode())
            .replace("\"periodEnd\":\"1997-12-31\"", "\"periodEnd\":\"1996-12-31\"");
    given()
        .contentType(JSON)
        .body(body)
        .when()
        .post("/appeals")
        .then()
        .statusCode(422)
        .body("type", endsWith("/period-reversed"));
  }

  @Test
  void aLineForAnUnknownCountryIsRejected() {
    String body = Appeals.draft(Appeals.uniqueCode(), Appeals.line("ZZZ", "UNHCR", "10.00", "USD"));
    given()
        .contentType(JSON)
        .body(body)
        .when()
        .post("/appeals")
        .then()
        .statusCode(422)
        .body("type", endsWith("/unknown-country"));
  }

  @Test
  void aRegionalLineUsesTheDocumentedCode() {
    String body = Appeals.draft(Appeals.uniqueCode(), Appeals.line("XRG", "IOM", "10.00", "USD"));
    given().contentType(JSON).body(body).when().post("/appeals").then().statusCode(201);
  }

  @Test
  void aLineOfAnAgencyThatDoesNotIssueTheAppealIsRejected() {
    String body =
        Appeals.draft(Appeals.uniqueCode(), Appeals.line("GEO", "UNICEF", "10.00", "USD"));
    given()
        .contentType(JSON)
        .body(body)
        .when()
        .post("/appeals")
        .then()
        .statusCode(422)
        .body("type", endsWith("/agency-not-issuing"));
  }

  @Test
  void requirementsAreStatedInUsd() {
    String body = Appeals.draft(Appeals.uniqueCode(), Appeals.line("GEO", "UNHCR", "10.00", "EUR"));
    given()
        .contentType(JSON)
        .body(body)
        .when()
        .post("/appeals")
        .then()
        .statusCode(422)
        .body("type", endsWith("/requirements-not-in-usd"));
  }

  @Test
  void anUnknownSectorIsABadRequestNamingTheField() {
    String body =
        Appeals.draft(
            Appeals.uniqueCode(),
            Appeals.line("GEO", "UNHCR", "10.00", "USD").replace("PROTECTION", "GARDENING"));
    given()
        .contentType(JSON)
        .body(body)
        .when()
        .post("/appeals")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("requirementLines[0].sector"));
  }

  @Test
  void anAppealWithoutLinesCannotBeLaunched() {
    String code = Appeals.uniqueCode();
    given()
        .contentType(JSON)
        .body(Appeals.draft(code, ""))
        .when()
        .post("/appeals")
        .then()
        .statusCode(201);
    given()
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(422)
        .body("type", endsWith("/no-requirements"));
  }

  /** A retry whose first answer was lost: the launch happened once, the answer comes again. */
  @Test
  void launchingALaunchedAppealAgainAnswersItsStateAndPublishesNothing() {
    String code = Appeals.uniqueCode();
    create(code);
    given()
        .header("If-Match", "\"0\"")
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(200);
    long events = Db.count("select count(*) from outbox_event where record_key = ?", code);

    given()
        .header("If-Match", "\"0\"") // the version the first attempt read
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("status", equalTo("LAUNCHED"))
        .body("launchedOn", equalTo("1997-12-01"));

    assertThat(Db.count("select count(*) from outbox_event where record_key = ?", code))
        .isEqualTo(events);
  }

  @Test
  void launchingALaunchedAppealOnAnotherDateIsAConflictNamingItsState() {
    String code = Appeals.uniqueCode();
    create(code);
    given().when().post("/appeals/" + code + "/launch").then().statusCode(200);
    given()
        .queryParam("launchedOn", "1997-11-20")
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("/state-conflict"))
        .body("detail", equalTo("cannot launch: appeal " + code + " is LAUNCHED since 1997-12-01"));
  }

  @Test
  void closingAClosedAppealAgainAnswersItsState() {
    String code = Appeals.uniqueCode();
    create(code);
    given().when().post("/appeals/" + code + "/launch").then().statusCode(200);
    given().when().post("/appeals/" + code + "/close").then().statusCode(200);
    long events = Db.count("select count(*) from outbox_event where record_key = ?", code);

    given()
        .when()
        .post("/appeals/" + code + "/close")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));

    assertThat(Db.count("select count(*) from outbox_event where record_key = ?", code))
        .isEqualTo(events);
  }

  @Test
  void launchingAClosedAppealIsAConflictNamingItsState() {
    String code = Appeals.uniqueCode();
    create(code);
    given().when().post("/appeals/" + code + "/launch").then().statusCode(200);
    given().when().post("/appeals/" + code + "/close").then().statusCode(200);
    given()
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(409)
        .body("type", endsWith("/state-conflict"))
        .body("detail", equalTo("cannot launch: appeal " + code + " is CLOSED"));
  }

  @Test
  void launchingWithAStaleVersionIsAConflict() {
    String code = Appeals.uniqueCode();
    create(code);
    given()
        .header("If-Match", "\"3\"")
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(409);
    given().when().get("/appeals/" + code).then().body("status", equalTo("DRAFT"));
  }

  @Test
  void anUnknownAppealIsNotFound() {
    given()
        .when()
        .get("/appeals/NO-SUCH")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  void aDonorCannotCreateAnAppeal() {
    given()
        .contentType(JSON)
        .body(Appeals.draft(Appeals.uniqueCode()))
        .when()
        .post("/appeals")
        .then()
        .statusCode(403);
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  void aDonorReadsAnAppeal() {
    String code = Appeals.uniqueCode();
    io.quarkus.arc.Arc.container()
        .instance(AppealService.class)
        .get()
        .create(AppealFixtures.request(code), "fixture");
    given().when().get("/appeals/" + code).then().statusCode(200).body("code", equalTo(code));
  }
}
