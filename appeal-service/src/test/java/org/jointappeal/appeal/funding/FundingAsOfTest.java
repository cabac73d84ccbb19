package org.jointappeal.appeal.funding;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.TestClock;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Figures as they stood at the end of a business date. The appeal (USD 1 000 000) is launched on 15
 * January 1997 and revised to USD 1 250 000 from 1 June; NOR commits 200 000 on 1 March; SWE
 * announces 300 000 on 2 July and commits it on 15 September.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class FundingAsOfTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void revisedAppealWithPledgesOverTheYear() {
    clock.set(Instant.parse("1997-01-15T09:00:00Z"));
    appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal);
    clock.reset();
    PledgeEvents.aPledge(appeal, UUID.randomUUID())
        .by("NOR")
        .usd("200000.00")
        .status("COMMITTED")
        .version(1)
        .on("1997-03-01")
        .send(PledgeEvents.COMMITTED);
    UUID swe = UUID.randomUUID();
    PledgeEvents.aPledge(appeal, swe)
        .by("SWE")
        .usd("300000.00")
        .on("1997-07-02")
        .send(PledgeEvents.ANNOUNCED);
    String last =
        PledgeEvents.aPledge(appeal, swe)
            .by("SWE")
            .usd("300000.00")
            .status("COMMITTED")
            .version(1)
            .on("1997-09-15")
            .send(PledgeEvents.COMMITTED);
    given()
        .contentType(JSON)
        .body(
            """
            {"reason":"Mid-year review","effectiveOn":"1997-06-01","requirementLines":[%s,%s]}"""
                .formatted(
                    Appeals.line("GEO", "UNHCR", "850000.00", "USD"),
                    Appeals.line("TJK", "IOM", "400000.00", "USD")))
        .post("/appeals/" + appeal + "/revisions")
        .then()
        .statusCode(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Db.count("select count(*) from inbox_message where event_id = ?", last) == 1);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private io.restassured.response.ValidatableResponse asOf(String date) {
    return given()
        .queryParam("asOf", date)
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(200)
        .body("asOf", equalTo(date));
  }

  @Test
  void beforeTheRevisionTheOriginalRequirementsAreInForce() {
    asOf("1997-05-31")
        .body("revision", equalTo(0))
        .body("currentRequirements.amount", equalTo("1000000.00"))
        .body("committed.amount", equalTo("200000.00"))
        .body("coveragePercent", equalTo("20.00"));
  }

  @Test
  void fromItsEffectiveDateTheRevisedRequirementsAreInForce() {
    asOf("1997-06-01")
        .body("revision", equalTo(1))
        .body("originalRequirements.amount", equalTo("1000000.00"))
        .body("currentRequirements.amount", equalTo("1250000.00"))
        .body("coveragePercent", equalTo("16.00"));
  }

  @Test
  void aPledgeCountsAsItStoodOnTheDate() {
    asOf("1997-08-01")
        .body("pledged.amount", equalTo("300000.00"))
        .body("committed.amount", equalTo("200000.00"));
  }

  @Test
  void theEndOfTheDateIncludesWhatHappenedThatDay() {
    asOf("1997-09-15")
        .body("pledged.amount", equalTo("0.00"))
        .body("committed.amount", equalTo("500000.00"))
        .body("coveragePercent", equalTo("40.00"));
  }

  @Test
  void beforeTheLaunchNothingWasRequired() {
    asOf("1997-01-14")
        .body("revision", nullValue())
        .body("currentRequirements.amount", equalTo("0.00"))
        .body("coveragePercent", nullValue());
  }

  @Test
  void withoutADateTheFiguresAreTheCurrentOnes() {
    given()
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("asOf", nullValue())
        .body("currentRequirements.amount", equalTo("1250000.00"))
        .body("committed.amount", equalTo("500000.00"));
  }

  @Test
  void aMalformedDateIsABadRequest() {
    given()
        .queryParam("asOf", "2 July 1997")
        .when()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
