package org.jointappeal.pledge.pledge;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Earmarking targets must exist in the appeal as pledge-service knows it from appeal-events. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class EarmarkingTest {

  @Inject TestClock clock;

  String appeal;
  final UUID georgiaProtection = UUID.randomUUID();
  final UUID armeniaMigration = UUID.randomUUID();

  @BeforeEach
  void appealWithTwoLines() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(
        appeal,
        List.of(
            Appeals.line(georgiaProtection, "GEO", "UNHCR", "PROTECTION"),
            Appeals.line(armeniaMigration, "ARM", "IOM", "MIGRATION_MANAGEMENT")));
  }

  private String pledge(String earmarking) {
    return """
        {"appealCode":"%s","donorCode":"USA","amount":{"amount":"1000.00","currency":"USD"},
         "announcedOn":"1997-07-02","earmarking":%s}"""
        .formatted(appeal, earmarking);
  }

  private io.restassured.response.ValidatableResponse announce(String earmarking) {
    return given().contentType(JSON).body(pledge(earmarking)).when().post("/pledges").then();
  }

  private long pledgesOfAppeal() {
    return Db.count("select count(*) from pledge where appeal_code = ?", appeal);
  }

  @Test
  void aPledgeWithoutEarmarkingIsUnearmarked() {
    given()
        .contentType(JSON)
        .body(PledgeResourceTest.pledge(appeal, "USA", "10.00", "USD"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(201)
        .body("earmarking.level", equalTo("UNEARMARKED"))
        .body("earmarking.agency", nullValue())
        .body("earmarking.requirementLineId", nullValue());
  }

  @Test
  void softlyEarmarkedToAnAgencyOfTheAppeal() {
    announce("{\"level\":\"SOFTLY_EARMARKED\",\"agency\":\"IOM\"}")
        .statusCode(201)
        .body("earmarking.level", equalTo("SOFTLY_EARMARKED"))
        .body("earmarking.agency", equalTo("IOM"))
        .body("earmarking.country", nullValue());
  }

  @Test
  void softlyEarmarkedToAnAgencyAndCountryNoLineSharesIsRejected() {
    announce("{\"level\":\"SOFTLY_EARMARKED\",\"agency\":\"IOM\",\"country\":\"GEO\"}")
        .statusCode(422)
        .body("type", endsWith("/earmarking-target-unknown"));
    assertThat(pledgesOfAppeal()).isZero();
  }

  @Test
  void softlyEarmarkedWithoutATargetIsRejected() {
    announce("{\"level\":\"SOFTLY_EARMARKED\"}")
        .statusCode(422)
        .body("type", endsWith("/earmarking-inconsistent"));
  }

  @Test
  void earmarkedToACountryAndSector() {
    announce("{\"level\":\"EARMARKED\",\"country\":\"GEO\",\"sector\":\"PROTECTION\"}")
        .statusCode(201)
        .body("earmarking.level", equalTo("EARMARKED"))
        .body("earmarking.country", equalTo("GEO"))
        .body("earmarking.sector", equalTo("PROTECTION"));
  }

  @Test
  void earmarkedWithoutASectorIsRejected() {
    announce("{\"level\":\"EARMARKED\",\"country\":\"GEO\"}")
        .statusCode(422)
        .body("type", endsWith("/earmarking-inconsistent"));
  }

  @Test
  void earmarkedToACountryAndSectorNoLinePairsIsRejected() {
    // both exist in the appeal, but not on one line
    announce("{\"level\":\"EARMARKED\",\"country\":\"GEO\",\"sector\":\"MIGRATION_MANAGEMENT\"}")
        .statusCode(422)
        .body("type", endsWith("/earmarking-target-unknown"));
  }

  @Test
  void tightlyEarmarkedCarriesItsLinesTargets() {
    announce(
            "{\"level\":\"TIGHTLY_EARMARKED\",\"requirementLineId\":\"%s\"}"
                .formatted(armeniaMigration))
        .statusCode(201)
        .body("earmarking.level", equalTo("TIGHTLY_EARMARKED"))
        .body("earmarking.requirementLineId", equalTo(armeniaMigration.toString()))
        .body("earmarking.country", equalTo("ARM"))
        .body("earmarking.agency", equalTo("IOM"))
        .body("earmarking.sector", equalTo("MIGRATION_MANAGEMENT"));
  }

  @Test
  void tightlyEarmarkedToALineOfNoSuchAppealIsRejected() {
    announce(
            "{\"level\":\"TIGHTLY_EARMARKED\",\"requirementLineId\":\"%s\"}"
                .formatted(UUID.randomUUID()))
        .statusCode(422)
        .body("type", endsWith("/earmarking-target-unknown"));
    assertThat(pledgesOfAppeal()).isZero();
  }

  @Test
  void tightlyEarmarkedNamingACountryTooIsRejected() {
    announce(
            "{\"level\":\"TIGHTLY_EARMARKED\",\"requirementLineId\":\"%s\",\"country\":\"ARM\"}"
                .formatted(armeniaMigration))
        .statusCode(422)
        .body("type", endsWith("/earmarking-inconsistent"));
  }

  @Test
  void aRevisionsNewLineCanBeTargeted() {
    UUID added = UUID.randomUUID();
    Appeals.publish(
        appeal,
        "org.jointappeal.appeal.revised.v1",
        Appeals.stateJson(
            appeal, 2, "LAUNCHED", List.of(Appeals.line(added, "KAZ", "UNHCR", "PROTECTION"))));
    announce("{\"level\":\"TIGHTLY_EARMARKED\",\"requirementLineId\":\"%s\"}".formatted(added))
        .statusCode(201)
        .body("earmarking.country", equalTo("KAZ"));
  }

  @Test
  void aLineDroppedByARevisionCannotBeTargeted() {
    Appeals.publish(
        appeal,
        "org.jointappeal.appeal.revised.v1",
        Appeals.stateJson(
            appeal,
            2,
            "LAUNCHED",
            List.of(Appeals.line(UUID.randomUUID(), "KAZ", "UNHCR", "PROTECTION"))));
    announce(
            "{\"level\":\"TIGHTLY_EARMARKED\",\"requirementLineId\":\"%s\"}"
                .formatted(georgiaProtection))
        .statusCode(422)
        .body("type", endsWith("/earmarking-target-unknown"));
  }

  @Test
  void aClosedAppealTakesNoPledges() {
    Appeals.publish(
        appeal,
        "org.jointappeal.appeal.closed.v1",
        Appeals.stateJson(
            appeal,
            2,
            "CLOSED",
            List.of(Appeals.line(georgiaProtection, "GEO", "UNHCR", "PROTECTION"))));
    given()
        .contentType(JSON)
        .body(PledgeResourceTest.pledge(appeal, "USA", "10.00", "USD"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/appeal-not-launched"));
  }
}
