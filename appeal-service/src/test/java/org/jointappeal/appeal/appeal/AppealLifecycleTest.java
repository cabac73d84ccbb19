package org.jointappeal.appeal.appeal;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.KafkaTestClient;
import org.jointappeal.appeal.StackResource;
import org.junit.jupiter.api.Test;

/** Drafts are edited whole, launched appeals only through revisions; closing ends the cycle. */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class AppealLifecycleTest {

  private static final String REVISED_LINES =
      Appeals.line("GEO", "UNHCR", "850000.00", "USD")
          + ","
          + Appeals.line("TJK", "IOM", "400000.00", "USD");

  private static String created() {
    String code = Appeals.uniqueCode();
    given()
        .contentType(JSON)
        .body(Appeals.draft(code))
        .when()
        .post("/appeals")
        .then()
        .statusCode(201);
    return code;
  }

  private static String launched() {
    String code = created();
    given().when().post("/appeals/" + code + "/launch").then().statusCode(200);
    return code;
  }

  private static String revision(String reason, String effectiveOn, String linesJson) {
    return """
        {"reason":"%s","effectiveOn":"%s","requirementLines":[%s]}"""
        .formatted(reason, effectiveOn, linesJson);
  }

  private static String update(String linesJson) {
    return """
        {"title":"Edited","agencies":["UNHCR","IOM"],"periodStart":"1997-01-01",
         "periodEnd":"1997-12-31","description":null,"requirementLines":[%s]}"""
        .formatted(linesJson);
  }

  @Test
  void aLaunchMayCarryAnEarlierBusinessDate() {
    String code = created();
    given()
        .queryParam("launchedOn", "1996-11-20")
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(200)
        .body("launchedOn", equalTo("1996-11-20"));
  }

  @Test
  void aLaunchDatedInTheFutureIsRefused() {
    String code = created();
    given()
        .queryParam("launchedOn", "1997-12-02")
        .when()
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(422)
        .body("type", endsWith("/launch-date-in-future"));
  }

  @Test
  void aDraftIsRestatedAsAWholeWithIfMatch() {
    String code = created();
    given()
        .contentType(JSON)
        .header("If-Match", "\"0\"")
        .body(update(Appeals.line("ARM", "IOM", "250000.00", "USD")))
        .when()
        .put("/appeals/" + code)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("title", equalTo("Edited"))
        .body("requirementLines", hasSize(1))
        .body("currentRequirements.amount", equalTo("250000.00"));
  }

  @Test
  void editingADraftWithoutIfMatchIsRefused() {
    String code = created();
    given()
        .contentType(JSON)
        .body(update(Appeals.line("ARM", "IOM", "250000.00", "USD")))
        .when()
        .put("/appeals/" + code)
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
  }

  @Test
  void editingADraftWithAStaleVersionIsAConflict() {
    String code = created();
    given()
        .contentType(JSON)
        .header("If-Match", "\"7\"")
        .body(update(Appeals.line("ARM", "IOM", "250000.00", "USD")))
        .when()
        .put("/appeals/" + code)
        .then()
        .statusCode(409)
        .body("type", endsWith("/version-conflict"));
  }

  @Test
  void editingALaunchedAppealDirectlyIsRefused() {
    String code = launched();
    given()
        .contentType(JSON)
        .header("If-Match", "\"1\"")
        .body(update(Appeals.line("ARM", "IOM", "250000.00", "USD")))
        .when()
        .put("/appeals/" + code)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/appeal-not-draft"));
  }

  @Test
  void anEditWithAnOverPreciseAmountIsRefused() {
    String code = created();
    given()
        .contentType(JSON)
        .header("If-Match", "\"0\"")
        .body(update(Appeals.line("ARM", "IOM", "10.001", "USD")))
        .when()
        .put("/appeals/" + code)
        .then()
        .statusCode(422)
        .body("type", endsWith("/too-many-decimals"));
  }

  @Test
  void aLineTooLargeToStoreIsRefusedNamingTheLine() {
    // NUMERIC(19,4) holds 15 integer digits: this one used to pass validation and fail the update
    String code = created();
    given()
        .contentType(JSON)
        .header("If-Match", "\"0\"")
        .body(update(Appeals.line("ARM", "IOM", "1000000000000000.00", "USD")))
        .when()
        .put("/appeals/" + code)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/amount-too-large"))
        .body("errors.field", hasItem("requirementLines[0].amount.amount"));
  }

  @Test
  void aRevisionReplacesTheLinesAndKeepsTheOriginalRequirements() {
    String code = launched();
    given()
        .contentType(JSON)
        .body(revision("Mid-year review", "1997-12-01", REVISED_LINES))
        .when()
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/appeals/" + code + "/revisions/1"))
        .body("revision", equalTo(1))
        .body("originalRequirements.amount", equalTo("1000000.00"))
        .body("currentRequirements.amount", equalTo("1250000.00"));
  }

  @Test
  void everyRevisionIsKept() {
    String code = launched();
    given()
        .contentType(JSON)
        .body(revision("Mid-year review", "1997-12-01", REVISED_LINES))
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(201);
    given()
        .when()
        .get("/appeals/" + code + "/revisions")
        .then()
        .statusCode(200)
        .body("number", contains(0, 1))
        .body("requirements.amount", contains("1000000.00", "1250000.00"))
        .body("reason", contains("original requirements", "Mid-year review"))
        .body("recordedBy", everyItem(equalTo("manager")));
  }

  @Test
  void aLineSentWithItsIdKeepsItsIdentity() {
    String code = launched();
    String geoLine =
        given()
            .get("/appeals/" + code)
            .then()
            .extract()
            .path("requirementLines.find { it.country == 'GEO' }.lineId");
    String kept =
        Appeals.line("GEO", "UNHCR", "900000.00", "USD")
            .replace("{\"country\"", "{\"lineId\":\"" + geoLine + "\",\"country\"");
    given()
        .contentType(JSON)
        .body(revision("Georgia up", "1997-12-01", kept))
        .when()
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(201)
        .body("requirementLines", hasSize(1))
        .body("requirementLines[0].lineId", equalTo(geoLine))
        .body("requirementLines[0].amount.amount", equalTo("900000.00"));
  }

  @Test
  void aRevisionNamingALineThatIsNotCurrentIsRefused() {
    String code = launched();
    String unknown =
        Appeals.line("GEO", "UNHCR", "900000.00", "USD")
            .replace(
                "{\"country\"", "{\"lineId\":\"00000000-0000-4000-8000-000000000000\",\"country\"");
    given()
        .contentType(JSON)
        .body(revision("Georgia up", "1997-12-01", unknown))
        .when()
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(422)
        .body("type", endsWith("/unknown-requirement-line"));
  }

  @Test
  void aRevisionTakingEffectBeforeThePreviousOneIsRefused() {
    String code = launched(); // launched on 1997-12-01: revision 0 is in force from then
    given()
        .contentType(JSON)
        .body(revision("Backdated", "1997-11-30", REVISED_LINES))
        .when()
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(422)
        .body("type", endsWith("/revision-out-of-order"));
  }

  @Test
  void aDraftCannotBeRevised() {
    String code = created();
    given()
        .contentType(JSON)
        .body(revision("Too early", "1997-12-01", REVISED_LINES))
        .when()
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(422)
        .body("type", endsWith("/appeal-not-open"));
  }

  @Test
  void aRevisionWithANegativeAmountIsInvalid() {
    String code = launched();
    given()
        .contentType(JSON)
        .body(revision("Negative", "1997-12-01", Appeals.line("GEO", "UNHCR", "-5.00", "USD")))
        .when()
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(422)
        .body("type", endsWith("/amount-not-positive"))
        .body("errors.field", hasItem("requirementLines[0].amount.amount"));
  }

  @Test
  void aRevisionForAnUnknownSectorIsUnreadable() {
    String code = launched();
    given()
        .contentType(JSON)
        .body(
            revision(
                "Gardening",
                "1997-12-01",
                Appeals.line("GEO", "UNHCR", "5.00", "USD").replace("PROTECTION", "GARDENING")))
        .when()
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void aRevisionIsPublishedWithTheAppealsFullState() {
    String code = launched();
    given()
        .contentType(JSON)
        .body(revision("Mid-year review", "1997-12-01", REVISED_LINES))
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(201);
    var records =
        KafkaTestClient.readUntil(
            "appeal-events",
            r ->
                code.equals(r.key())
                    && "org.jointappeal.appeal.revised.v1"
                        .equals(KafkaTestClient.header(r, "ce_type")),
            Duration.ofSeconds(20));
    assertThat(records.get(records.size() - 1).value())
        .contains("\"currentRequirements\":{\"amount\":\"1250000.00\",\"currency\":\"USD\"}")
        .contains("\"number\":1")
        .contains("\"originalRequirements\":{\"amount\":\"1000000.00\",\"currency\":\"USD\"}");
  }

  @Test
  void aRevisionPublishesTheNewCoverage() {
    String code = launched();
    given()
        .contentType(JSON)
        .body(revision("Mid-year review", "1997-12-01", REVISED_LINES))
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(201);
    KafkaTestClient.readUntil(
        "funding-events",
        r ->
            code.equals(r.key())
                && r.value().contains("\"version\":2")
                && r.value().contains("\"unmet\":{\"amount\":\"1250000.00\""),
        Duration.ofSeconds(20));
  }

  @Test
  void aLaunchedAppealIsClosed() {
    String code = launched();
    given()
        .when()
        .post("/appeals/" + code + "/close")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"))
        .body("closedOn", equalTo("1997-12-01"));
  }

  @Test
  void aDraftCannotBeClosed() {
    String code = created();
    given()
        .when()
        .post("/appeals/" + code + "/close")
        .then()
        .statusCode(422)
        .body("type", endsWith("/appeal-not-open"));
  }

  @Test
  void aClosedAppealCannotBeRevised() {
    String code = launched();
    given().when().post("/appeals/" + code + "/close").then().statusCode(200);
    given()
        .contentType(JSON)
        .body(revision("Too late", "1997-12-01", REVISED_LINES))
        .when()
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(422)
        .body("type", endsWith("/appeal-not-open"));
  }

  @Test
  void theHistoryRecordsWhoDidWhatAndWhen() {
    String code = launched();
    given()
        .contentType(JSON)
        .body(revision("Mid-year review", "1997-12-01", REVISED_LINES))
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(201);
    given().when().post("/appeals/" + code + "/close").then().statusCode(200);
    given()
        .when()
        .get("/appeals/" + code + "/history")
        .then()
        .statusCode(200)
        .body("action", contains("CREATED", "LAUNCHED", "REVISED", "CLOSED"))
        .body("actor", everyItem(equalTo("manager")))
        .body("at", everyItem(equalTo("1997-12-01T09:00:00Z")))
        .body("appealVersion", contains(0, 1, 2, 3));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  void aDonorCannotReadTheHistory() {
    given().when().get("/appeals/NO-SUCH/history").then().statusCode(403);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aFinanceOfficerCannotReviseAnAppeal() {
    given()
        .contentType(JSON)
        .body(revision("Not mine", "1997-12-01", REVISED_LINES))
        .when()
        .post("/appeals/NO-SUCH/revisions")
        .then()
        .statusCode(403);
  }
}
