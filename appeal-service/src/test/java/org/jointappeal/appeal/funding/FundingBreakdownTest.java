package org.jointappeal.appeal.funding;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One appeal (GEO/UNHCR/PROTECTION/REFUGEES/EMERGENCY 600 000 + TJK/IOM/MIGRATION_MANAGEMENT/
 * ILLEGAL_MIGRANTS/NON_EMERGENCY 400 000) with five commitments at every earmarking level: NOR 100
 * 000 tightly to the GEO line, SWE 50 000 softly to IOM, CHE 30 000 to TJK + migration management,
 * USA 20 000 unearmarked, and JPN's 70 000 announced, unearmarked.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "auditor", roles = "auditor")
class FundingBreakdownTest {

  String appeal;
  UUID geoLine;

  @BeforeEach
  void appealWithMoneyAtEveryEarmarkingLevel() {
    appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal);
    geoLine =
        UUID.fromString(
            given()
                .get("/appeals/" + appeal)
                .then()
                .extract()
                .path("requirementLines.find { it.country == 'GEO' }.lineId"));
    PledgeEvents.aPledge(appeal, UUID.randomUUID())
        .by("NOR")
        .usd("100000.00")
        .status("COMMITTED")
        .version(1)
        .tightly(geoLine)
        .send(PledgeEvents.COMMITTED);
    PledgeEvents.aPledge(appeal, UUID.randomUUID())
        .by("SWE")
        .usd("50000.00")
        .status("COMMITTED")
        .version(1)
        .softly("IOM", null)
        .send(PledgeEvents.COMMITTED);
    PledgeEvents.aPledge(appeal, UUID.randomUUID())
        .by("CHE")
        .usd("30000.00")
        .status("COMMITTED")
        .version(1)
        .toCountryAndSector("TJK", "MIGRATION_MANAGEMENT")
        .send(PledgeEvents.COMMITTED);
    PledgeEvents.aPledge(appeal, UUID.randomUUID())
        .by("USA")
        .usd("20000.00")
        .status("COMMITTED")
        .version(1)
        .send(PledgeEvents.COMMITTED);
    String last =
        PledgeEvents.aPledge(appeal, UUID.randomUUID())
            .by("JPN")
            .usd("70000.00")
            .status("ANNOUNCED")
            .send(PledgeEvents.ANNOUNCED);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Db.count("select count(*) from inbox_message where event_id = ?", last) == 1);
  }

  private ValidatableResponse grouped(String groupBy) {
    return given()
        .queryParam("groupBy", groupBy)
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(200)
        .body("groupBy", equalTo(groupBy));
  }

  private static String group(String key, String field) {
    return "groups.find { it.key == '" + key + "' }." + field;
  }

  @Test
  void theAppealTotalCountsMoneyAtEveryEarmarkingLevel() {
    given()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("pledged.amount", equalTo("70000.00"))
        .body("committed.amount", equalTo("200000.00"))
        .body("funding.amount", equalTo("200000.00"))
        .body("coveragePercent", equalTo("20.00"))
        .body("unmet.amount", equalTo("800000.00"));
  }

  @Test
  void aLineCountsOnlyMoneyTightlyEarmarkedToIt() {
    given()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("requirementLines.find { it.country == 'GEO' }.funding.amount", equalTo("100000.00"))
        .body("requirementLines.find { it.country == 'GEO' }.coveragePercent", equalTo("16.67"))
        .body("requirementLines.find { it.country == 'TJK' }.funding.amount", equalTo("0.00"))
        .body("requirementLinesNotSpecified.funding.amount", equalTo("100000.00"))
        .body("requirementLinesNotSpecified.pledged.amount", equalTo("70000.00"));
  }

  @Test
  void byCountryMoneyNamingNoCountryIsNotSpecified() {
    grouped("country")
        .body(group("GEO", "currentRequirements.amount"), equalTo("600000.00"))
        .body(group("GEO", "funding.amount"), equalTo("100000.00"))
        .body(group("TJK", "funding.amount"), equalTo("30000.00"))
        .body(group("TJK", "coveragePercent"), equalTo("7.50"))
        .body("groupsNotSpecified.funding.amount", equalTo("70000.00"))
        .body("groupsNotSpecified.pledged.amount", equalTo("70000.00"));
  }

  @Test
  void byAgencySoftlyEarmarkedMoneyCountsForTheAgencyItNames() {
    grouped("agency")
        .body(group("UNHCR", "funding.amount"), equalTo("100000.00"))
        .body(group("IOM", "funding.amount"), equalTo("50000.00"))
        .body(group("IOM", "unmet.amount"), equalTo("350000.00"))
        .body("groupsNotSpecified.funding.amount", equalTo("50000.00"));
  }

  @Test
  void bySectorEarmarkedMoneyCountsForItsSector() {
    grouped("sector")
        .body(group("PROTECTION", "funding.amount"), equalTo("100000.00"))
        .body(group("MIGRATION_MANAGEMENT", "funding.amount"), equalTo("30000.00"))
        .body("groupsNotSpecified.funding.amount", equalTo("70000.00"));
  }

  @Test
  void byCategoryOnlyTightlyEarmarkedMoneyIsPlaced() {
    grouped("category")
        .body(group("REFUGEES", "funding.amount"), equalTo("100000.00"))
        .body(group("ILLEGAL_MIGRANTS", "funding.amount"), equalTo("0.00"))
        .body("groupsNotSpecified.funding.amount", equalTo("100000.00"));
  }

  @Test
  void byPriorityOnlyTightlyEarmarkedMoneyIsPlaced() {
    grouped("priority")
        .body(group("EMERGENCY", "funding.amount"), equalTo("100000.00"))
        .body(group("NON_EMERGENCY", "coveragePercent"), equalTo("0.00"))
        .body("groupsNotSpecified.funding.amount", equalTo("100000.00"));
  }

  @Test
  void byDonorEveryPledgeHasItsGroupAndNoRequirements() {
    grouped("donor")
        .body(group("NOR", "funding.amount"), equalTo("100000.00"))
        .body(group("SWE", "funding.amount"), equalTo("50000.00"))
        .body(group("JPN", "pledged.amount"), equalTo("70000.00"))
        .body(group("JPN", "currentRequirements"), nullValue())
        .body("groupsNotSpecified.funding.amount", equalTo("0.00"));
  }

  @Test
  void byEarmarkingLevelTheMoneyIsShownAtItsLevel() {
    grouped("earmarking")
        .body(group("TIGHTLY_EARMARKED", "funding.amount"), equalTo("100000.00"))
        .body(group("SOFTLY_EARMARKED", "funding.amount"), equalTo("50000.00"))
        .body(group("EARMARKED", "funding.amount"), equalTo("30000.00"))
        .body(group("UNEARMARKED", "funding.amount"), equalTo("20000.00"))
        .body(group("UNEARMARKED", "pledged.amount"), equalTo("70000.00"));
  }

  @Test
  void anUnknownGroupingIsABadRequest() {
    given()
        .queryParam("groupBy", "colour")
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void theFundingStatusIsAvailableAsCsv() {
    String csv =
        given()
            .accept("text/csv")
            .queryParam("groupBy", "country")
            .when()
            .get("/appeals/" + appeal + "/funding")
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .extract()
            .asString();
    org.assertj.core.api.Assertions.assertThat(csv.split("\r\n"))
        .startsWith(FundingCsv.HEADER)
        .contains(
            "appeal,"
                + appeal
                + ",,,,,,1000000.00,70000.00,200000.00,0.00,200000.00,20.00,800000.00",
            "country,GEO,,,,,,600000.00,0.00,100000.00,0.00,100000.00,16.67,500000.00",
            "country,NOT_SPECIFIED,,,,,,,70000.00,70000.00,0.00,70000.00,,");
  }

  @Test
  void theFlowSummaryIsShapedLikeFts() {
    given()
        .queryParam("groupBy", "country")
        .when()
        .get("/appeals/" + appeal + "/funding/flow-summary")
        .then()
        .statusCode(200)
        .body("requirements.revisedRequirements.amount", equalTo("1000000.00"))
        .body("funding.totalFunding.amount", equalTo("200000.00"))
        .body("funding.pledgeTotal.amount", equalTo("70000.00"))
        .body("funding.progress", equalTo("20.00"))
        .body("groups.find { it.name == 'GEO' }.coverage", equalTo("16.67"));
  }
}
