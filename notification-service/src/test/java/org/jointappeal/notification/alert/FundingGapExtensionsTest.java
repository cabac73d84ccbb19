package org.jointappeal.notification.alert;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jointappeal.notification.FundingEvents.aFundingChange;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jointappeal.notification.AppealEvents;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Funding gaps per line group, and gaps that count only once a share of the period passed. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class FundingGapExtensionsTest {

  /** Day 152 of 365 of 1997: 41.64 % of the period. */
  private static final Instant JUNE_1 = Instant.parse("1997-06-01T09:00:00Z");

  /** Day 183 of 365: 50.14 % of the period. */
  private static final Instant JULY_2 = Instant.parse("1997-07-02T09:00:00Z");

  @Inject TestClock clock;
  @Inject AlertService alertService;

  String appeal;
  String rule;

  @BeforeEach
  void freshAppeal() {
    clock.reset();
    appeal = uniqueAppealCode();
    rule = Rules.uniqueName("gap");
  }

  @Test
  void aLineGroupBelowTheThresholdFiresItsOwnAlert() {
    Rules.create(
        rule, "FUNDING_GAP", appeal, "\"thresholdPercent\":\"40.00\",\"groupBy\":\"priority\"");

    aFundingChange()
        .forAppeal(appeal)
        .covered("45.00")
        .group("priority", "NON_EMERGENCY", "31.00")
        .group("priority", "EMERGENCY", "60.00")
        .publishAndAwait();

    Rules.alertsOf(rule)
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].labels.level", equalTo("line"))
        .body("[0].labels.priority", equalTo("NON_EMERGENCY"))
        .body("[0].labels.appeal", equalTo(appeal))
        .body("[0].coveragePercent", equalTo("31.00"))
        .body("[0].unmet.amount", equalTo("690000.00"))
        .body(
            "[0].summary",
            equalTo(
                appeal + " non-emergency lines: 31 % funded (threshold 40 %), USD 690,000 unmet"));
  }

  @Test
  void aGroupValueNarrowsTheRuleToOneGroup() {
    Rules.create(
        rule,
        "FUNDING_GAP",
        appeal,
        "\"thresholdPercent\":\"40.00\",\"groupBy\":\"country\",\"groupValue\":\"GEO\"");

    aFundingChange()
        .forAppeal(appeal)
        .group("country", "GEO", "20.00")
        .group("country", "UKR", "10.00")
        .publishAndAwait();

    Rules.alertsOf(rule).body("$", hasSize(1)).body("[0].labels.country", equalTo("GEO"));
  }

  @Test
  void aLineGroupReachingTheThresholdResolves() {
    Rules.create(
        rule, "FUNDING_GAP", appeal, "\"thresholdPercent\":\"40.00\",\"groupBy\":\"sector\"");
    aFundingChange()
        .forAppeal(appeal)
        .atVersion(1)
        .group("sector", "HEALTH", "20.00")
        .publishAndAwait();

    aFundingChange()
        .forAppeal(appeal)
        .atVersion(2)
        .group("sector", "HEALTH", "40.00")
        .publishAndAwait();

    Rules.alertsOf(rule)
        .body("$", hasSize(1))
        .body("[0].status", equalTo("RESOLVED"))
        .body("[0].coveragePercent", equalTo("40.00"));
  }

  @Test
  void anAppealLevelGapIsLabelledSo() {
    Rules.create(rule, "FUNDING_GAP", appeal, "\"thresholdPercent\":\"40.00\"");

    aFundingChange()
        .forAppeal(appeal)
        .covered("30.00")
        .group("priority", "EMERGENCY", "10.00")
        .publishAndAwait();

    Rules.alertsOf(rule)
        .body("$", hasSize(1))
        .body("[0].labels.level", equalTo("appeal"))
        .body("[0].labels.priority", nullValue());
  }

  @Test
  void aPeriodShareRuleFiresOnlyOnceThatShareHasPassed() {
    Rules.create(
        rule,
        "FUNDING_GAP",
        appeal,
        "\"thresholdPercent\":\"40.00\",\"fromPeriodSharePercent\":\"50.00\"");
    AppealEvents.launchedAndAwait(appeal, "1997-01-01", "1997-12-31", 1);
    clock.set(JUNE_1);
    aFundingChange().forAppeal(appeal).covered("30.00").publishAndAwait();
    Rules.alertsOf(rule).body("$", empty());

    clock.set(JULY_2);
    alertService.reevaluateAll();

    Rules.alertsOf(rule)
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].periodElapsedPercent", equalTo("50.14"))
        .body("[0].summary", containsString("50.14 % of the period elapsed"))
        .body("[0].startsAt", equalTo(JULY_2.toString()));
  }

  @Test
  void aPeriodShareRuleWaitsWhileThePeriodIsUnknown() {
    Rules.create(
        rule,
        "FUNDING_GAP",
        appeal,
        "\"thresholdPercent\":\"40.00\",\"fromPeriodSharePercent\":\"50.00\"");
    clock.set(JULY_2);

    aFundingChange().forAppeal(appeal).covered("30.00").publishAndAwait();

    Rules.alertsOf(rule).body("$", empty());
  }

  @Test
  void aLaterAppealPeriodMovesTheShareBack() {
    Rules.create(
        rule,
        "FUNDING_GAP",
        appeal,
        "\"thresholdPercent\":\"40.00\",\"fromPeriodSharePercent\":\"50.00\"");
    clock.set(JULY_2);
    AppealEvents.launchedAndAwait(appeal, "1997-01-01", "1997-12-31", 1);
    aFundingChange().forAppeal(appeal).covered("30.00").publishAndAwait();

    // a revision extends the period to the end of 1998: a quarter has passed
    AppealEvents.launchedAndAwait(appeal, "1997-01-01", "1998-12-31", 2);

    Rules.alertsOf(rule).body("$", hasSize(1)).body("[0].status", equalTo("RESOLVED"));
  }
}
