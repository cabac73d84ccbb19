package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;
import static org.jointappeal.notification.Projections.aProjection;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default PROJECTED_FUNDING_GAP rule (below 50 % with at least 3 months left) fires on the cash
 * forecast's projection and resolves when the projection recovers.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class ProjectedFundingGapTest {

  static final String DEFAULT_RULE = "projected-funding-gap";

  String appeal;

  @BeforeEach
  void freshAppeal() {
    appeal = uniqueAppealCode();
  }

  private ValidatableResponse alerts(String status) {
    return given()
        .queryParam("appealCode", appeal)
        .queryParam("rule", DEFAULT_RULE)
        .queryParam("status", status)
        .when()
        .get("/alerts")
        .then()
        .statusCode(200);
  }

  @Test
  void aProjectionBelowHalfWithFiveMonthsLeftFires() {
    aProjection(appeal).asOf("1997-07-31", 5).covering("30.00").publishAndAwait();

    alerts("FIRING")
        .body("$", hasSize(1))
        .body("[0].labels.kind", equalTo("projected-funding-gap"))
        .body("[0].labels.appeal", equalTo(appeal))
        .body("[0].coveragePercent", equalTo("30.00"))
        .body("[0].unmet.amount", equalTo("700000.00"));
  }

  @Test
  void aProjectionAtHalfDoesNotFire() {
    aProjection(appeal).asOf("1997-07-31", 5).covering("50.00").publishAndAwait();

    alerts("FIRING").body("$", hasSize(0));
  }

  @Test
  void withLessThanThreeMonthsLeftNothingFires() {
    aProjection(appeal).asOf("1997-10-31", 2).covering("30.00").publishAndAwait();

    alerts("FIRING").body("$", hasSize(0));
  }

  @Test
  void itResolvesWhenTheProjectionRecovers() {
    aProjection(appeal).asOf("1997-07-31", 5).covering("30.00").publishAndAwait();
    aProjection(appeal)
        .asOf("1997-08-31", 4)
        .covering("65.00")
        .recordedAt("1997-08-31T06:00:00Z")
        .publishAndAwait();

    alerts("FIRING").body("$", hasSize(0));
    alerts("RESOLVED").body("$", hasSize(1));
  }

  @Test
  void anOlderProjectionArrivingLateChangesNothing() {
    aProjection(appeal)
        .asOf("1997-08-31", 4)
        .covering("65.00")
        .recordedAt("1997-08-31T06:00:00Z")
        .publishAndAwait();
    aProjection(appeal).asOf("1997-07-31", 5).covering("30.00").publishAndAwait();

    alerts("FIRING").body("$", hasSize(0));
  }

  @Test
  void aRuleOfTheKindNeedsItsMonthsLeft() {
    Rules.post(
            Rules.uniqueName("p"),
            "PROJECTED_FUNDING_GAP",
            appeal,
            "\"thresholdPercent\":\"40.00\"")
        .statusCode(422)
        .contentType("application/problem+json");
  }

  @Test
  void anOwnRuleWithAnotherThresholdFiresOnItsOwn() {
    String rule = Rules.uniqueName("p");
    Rules.create(
        rule,
        "PROJECTED_FUNDING_GAP",
        appeal,
        "\"thresholdPercent\":\"70.00\",\"minMonthsLeft\":1");
    aProjection(appeal).asOf("1997-10-31", 2).covering("60.00").publishAndAwait();

    Rules.alertsOf(rule).body("$", hasSize(1)).body("[0].status", equalTo("FIRING"));
    alerts("FIRING").body("$", hasSize(0));
  }
}
