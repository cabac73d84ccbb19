package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jointappeal.notification.FundingEvents.aFundingChange;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The funding-gap rule, driven by funding-events and observed through GET /alerts. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class FundingGapAlertTest {

  private static final Instant T1 = Instant.parse("1997-07-02T10:15:00Z");
  private static final Instant T2 = Instant.parse("1997-08-04T08:00:00Z");
  private static final Instant T3 = Instant.parse("1997-09-01T12:30:00Z");

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void freshAppeal() {
    clock.reset();
    appeal = uniqueAppealCode();
  }

  /** Applies a funding change for this test's appeal as seen at {@code at}. */
  private void fundingChanged(Instant at, long version, String coveragePercent) {
    clock.set(at);
    aFundingChange()
        .forAppeal(appeal)
        .atVersion(version)
        .covered(coveragePercent)
        .publishAndAwait();
  }

  private ValidatableResponse alertsOfAppeal() {
    return given().queryParam("appealCode", appeal).when().get("/alerts").then().statusCode(200);
  }

  @Test
  void coverageBelowTheThresholdFiresOneAlert() {
    fundingChanged(T1, 1, "30.00");

    alertsOfAppeal()
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].rule", equalTo("funding-gap"))
        .body("[0].labels.rule", equalTo("funding-gap"))
        .body("[0].labels.appeal", equalTo(appeal))
        .body("[0].coveragePercent", equalTo("30.00"))
        .body("[0].thresholdPercent", equalTo("50.00"))
        .body("[0].startsAt", equalTo(T1.toString()))
        .body("[0].endsAt", nullValue())
        .body("[0].summary", containsString(appeal));
  }

  @Test
  void aFurtherLowCoverageUpdatesTheFiringAlertInsteadOfOpeningAnother() {
    fundingChanged(T1, 1, "30.00");

    fundingChanged(T2, 2, "20.00");

    alertsOfAppeal()
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].coveragePercent", equalTo("20.00"))
        .body("[0].summary", containsString("20 % funded"))
        .body("[0].startsAt", equalTo(T1.toString()));
  }

  @Test
  void coverageReachingExactlyTheThresholdResolvesTheAlert() {
    fundingChanged(T1, 1, "30.00");

    fundingChanged(T2, 2, "50.00");

    alertsOfAppeal()
        .body("$", hasSize(1))
        .body("[0].status", equalTo("RESOLVED"))
        .body("[0].coveragePercent", equalTo("50.00"))
        .body("[0].startsAt", equalTo(T1.toString()))
        .body("[0].endsAt", equalTo(T2.toString()));
  }

  @Test
  void coverageExactlyAtTheThresholdIsNotAGap() {
    fundingChanged(T1, 1, "50.00");

    alertsOfAppeal().body("$", empty());
  }

  @Test
  void aNewGapAfterResolutionOpensANewEpisode() {
    fundingChanged(T1, 1, "30.00");
    fundingChanged(T2, 2, "60.00");

    fundingChanged(T3, 3, "40.00");

    // newest first
    List<String> ids =
        alertsOfAppeal()
            .body("$", hasSize(2))
            .body("[0].status", equalTo("FIRING"))
            .body("[0].startsAt", equalTo(T3.toString()))
            .body("[0].endsAt", nullValue())
            .body("[0].coveragePercent", equalTo("40.00"))
            .body("[1].status", equalTo("RESOLVED"))
            .body("[1].startsAt", equalTo(T1.toString()))
            .body("[1].endsAt", equalTo(T2.toString()))
            .extract()
            .path("id");
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void unknownCoverageFiresNothing() {
    fundingChanged(T1, 1, null);

    alertsOfAppeal().body("$", empty());
  }
}
