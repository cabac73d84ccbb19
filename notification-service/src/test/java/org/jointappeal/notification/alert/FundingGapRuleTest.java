package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.jointappeal.notification.FundingEvents.aFundingChange;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;
import static org.jointappeal.notification.alert.RuleRequests.aRule;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules managed over REST drive the alerts: scope, labels, threshold, active-from date. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class FundingGapRuleTest {

  private static final Instant T1 = Instant.parse("1997-12-01T09:00:00Z");
  private static final Instant T2 = Instant.parse("1997-12-02T09:00:00Z");
  private static final Instant NEW_YEAR = Instant.parse("1998-01-01T00:00:00Z");

  @Inject TestClock clock;
  @Inject AlertService alertService;

  String appeal;

  @BeforeEach
  void freshAppeal() {
    clock.reset();
    appeal = uniqueAppealCode();
  }

  private void covered(String percent, long version) {
    aFundingChange().forAppeal(appeal).atVersion(version).covered(percent).publishAndAwait();
  }

  private ValidatableResponse alertsOf(String rule) {
    return given()
        .queryParam("appealCode", appeal)
        .queryParam("rule", rule)
        .when()
        .get("/alerts")
        .then()
        .statusCode(200);
  }

  @Test
  void aRuleFiresForItsAppealWithItsOwnLabels() {
    var rule = aRule().forAppeal(appeal).below("40.00").team("geo");
    rule.create();

    covered("30.00", 1);

    alertsOf(rule.name())
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].labels.rule", equalTo(rule.name()))
        .body("[0].labels.appeal", equalTo(appeal))
        .body("[0].labels.team", equalTo("geo"))
        .body("[0].thresholdPercent", equalTo("40.00"));
  }

  @Test
  void coverageJustBelowTheThresholdFiresThoughItRoundsToTheThreshold() {
    var rule = aRule().forAppeal(appeal).below("40.00");
    rule.create();

    // 399,950 of 1,000,000 = 39.995 %: the event says "40.00" (half-even), the truth is below 40
    aFundingChange().forAppeal(appeal).fundedUsd("399950.00").publishAndAwait();

    alertsOf(rule.name())
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].coveragePercent", equalTo("40.00"))
        .body("[0].summary", containsString("39.995 % funded (threshold 40 %)"));
  }

  @Test
  void coverageExactlyAtTheThresholdIsNoGap() {
    var rule = aRule().forAppeal(appeal).below("40.00");
    rule.create();

    aFundingChange().forAppeal(appeal).fundedUsd("400000.00").publishAndAwait();

    alertsOf(rule.name()).body("$", empty());
  }

  @Test
  void aLineGroupJustBelowTheThresholdFiresThoughItRoundsToTheThreshold() {
    String lineRule = Rules.uniqueName("line-gap");
    Rules.create(
        lineRule, "FUNDING_GAP", appeal, "\"thresholdPercent\":\"40.00\",\"groupBy\":\"sector\"");

    aFundingChange()
        .forAppeal(appeal)
        .covered("45.00")
        .groupFundedUsd("sector", "HEALTH", "399950.00")
        .groupFundedUsd("sector", "SHELTER", "400000.00")
        .publishAndAwait();

    Rules.alertsOf(lineRule)
        .body("$", hasSize(1))
        .body("[0].labels.sector", equalTo("HEALTH"))
        .body("[0].coveragePercent", equalTo("40.00"));
  }

  @Test
  void aRuleScopedToAnotherAppealDoesNotFire() {
    var rule = aRule().forAppeal(uniqueAppealCode()).below("40.00");
    rule.create();

    covered("30.00", 1);

    alertsOf(rule.name()).body("$", empty());
  }

  @Test
  void coverageBetweenTwoThresholdsFiresOnlyTheHigherRule() {
    var low = aRule().forAppeal(appeal).below("20.00");
    low.create();

    covered("30.00", 1);

    alertsOf(low.name()).body("$", empty());
    alertsOf("funding-gap").body("$", hasSize(1));
  }

  @Test
  void aNewRuleFiresAtOnceForAnAppealAlreadyInAGap() {
    covered("30.00", 1);
    clock.set(T2);

    var rule = aRule().forAppeal(appeal).below("40.00");
    rule.create();

    alertsOf(rule.name())
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].startsAt", equalTo(T2.toString()));
  }

  @Test
  void loweringTheThresholdBelowTheCoverageResolvesTheAlert() {
    covered("30.00", 1);
    var rule = aRule().forAppeal(appeal).below("40.00");
    String id = rule.create();
    clock.set(T2);

    given()
        .contentType("application/json")
        .body(rule.below("25.00").json())
        .put("/alert-rules/" + id)
        .then()
        .statusCode(200);

    alertsOf(rule.name())
        .body("$", hasSize(1))
        .body("[0].status", equalTo("RESOLVED"))
        .body("[0].startsAt", equalTo(T1.toString()))
        .body("[0].endsAt", equalTo(T2.toString()));
  }

  @Test
  void changingARulesLabelsResolvesTheOldIdentityAndFiresTheNewOne() {
    covered("30.00", 1);
    var rule = aRule().forAppeal(appeal).team("geo");
    String id = rule.create();

    given()
        .contentType("application/json")
        .body(rule.team("ukr").json())
        .put("/alert-rules/" + id)
        .then()
        .statusCode(200);

    alertsOf(rule.name())
        .body("$", hasSize(2))
        .body("find { it.status == 'FIRING' }.labels.team", equalTo("ukr"))
        .body("find { it.status == 'RESOLVED' }.labels.team", equalTo("geo"));
  }

  @Test
  void deletingARuleResolvesItsFiringAlertAndKeepsItsHistory() {
    covered("30.00", 1);
    var rule = aRule().forAppeal(appeal);
    String id = rule.create();
    clock.set(T2);

    given().delete("/alert-rules/" + id).then().statusCode(204);

    alertsOf(rule.name())
        .body("$", hasSize(1))
        .body("[0].status", equalTo("RESOLVED"))
        .body("[0].endsAt", equalTo(T2.toString()));
  }

  @Test
  void aRuleActiveFromALaterDateDoesNotFireBeforeIt() {
    var rule = aRule().forAppeal(appeal).activeFrom("1998-01-01");
    rule.create();

    covered("30.00", 1);

    alertsOf(rule.name()).body("$", empty());
  }

  @Test
  void aRuleFiresOnTheScheduledEvaluationOnceItsDateHasCome() {
    var rule = aRule().forAppeal(appeal).activeFrom("1998-01-01");
    rule.create();
    covered("30.00", 1);
    clock.set(NEW_YEAR);

    alertService.reevaluateAll();

    alertsOf(rule.name())
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].startsAt", equalTo(NEW_YEAR.toString()));
  }

  @Test
  void reevaluatingAgainNeverCreatesASecondAlert() {
    var rule = aRule().forAppeal(appeal);
    rule.create();
    covered("30.00", 1);

    alertService.reevaluateAll();
    alertService.reevaluateAll();

    alertsOf(rule.name()).body("$", hasSize(1));
  }
}
