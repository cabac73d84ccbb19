package org.jointappeal.notification.alert;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jointappeal.notification.PledgeEvents.aPledge;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jointappeal.notification.PledgeEvents;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pledge rule kinds, driven by pledge-events and the clock, observed through GET /alerts. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class PledgeRulesTest {

  /** The default instalment is due 1997-09-30. */
  private static final Instant DUE_PLUS_15 = Instant.parse("1997-10-15T09:00:00Z");

  private static final Instant DUE_PLUS_30 = Instant.parse("1997-10-30T09:00:00Z");
  private static final Instant DUE_PLUS_31 = Instant.parse("1997-10-31T09:00:00Z");
  private static final Instant DUE_PLUS_91 = Instant.parse("1997-12-30T09:00:00Z");
  private static final Instant DUE_PLUS_61 = Instant.parse("1997-11-30T09:00:00Z");
  private static final Instant EVENT_TIME = Instant.parse("1997-08-01T10:00:00Z");

  @Inject TestClock clock;
  @Inject AlertService alertService;

  PledgeEvents pledge;
  String rule;

  @BeforeEach
  void freshPledge() {
    clock.reset();
    pledge = aPledge();
  }

  private String overdueRule(int days) {
    String name = Rules.uniqueName("overdue-" + days);
    Rules.create(name, "OVERDUE_INSTALMENT", pledge.appealCode(), "\"minDaysOverdue\":" + days);
    return name;
  }

  @Test
  void anInstalmentLeavingTheOneToThirtyDayBucketFiresTheThirtyDayRuleWhenTheClockGetsThere() {
    rule = overdueRule(30);
    clock.set(DUE_PLUS_15);
    pledge.publishAndAwait(PledgeEvents.COMMITTED);
    alertService.reevaluateAll();
    Rules.alertsOf(rule).body("$", empty());

    clock.set(DUE_PLUS_30); // day 30 is still in the 1-30 bucket, as in the reconciliation
    alertService.reevaluateAll();
    Rules.alertsOf(rule).body("$", empty());

    clock.set(DUE_PLUS_31);
    alertService.reevaluateAll();

    Rules.alertsOf(rule)
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].kind", equalTo("OVERDUE_INSTALMENT"))
        .body("[0].labels.kind", equalTo("overdue-instalment"))
        .body("[0].labels.appeal", equalTo(pledge.appealCode()))
        .body("[0].labels.donor", equalTo("NOR"))
        .body("[0].labels.pledge", equalTo(pledge.id().toString()))
        .body("[0].labels.instalment", equalTo("1"))
        .body("[0].labels.bucket", equalTo("30"))
        .body("[0].labels.severity", equalTo("warning"))
        .body("[0].days", equalTo(31))
        .body("[0].summary", containsString("(31-60 days past due)"))
        .body("[0].amount.amount", equalTo("1000000.00"))
        .body("[0].startsAt", equalTo(DUE_PLUS_31.toString()));
  }

  @Test
  void anInstalmentOverdueEventFiresWithoutWaitingForTheSchedule() {
    rule = overdueRule(30);
    clock.set(DUE_PLUS_31);

    pledge.publishAndAwait(PledgeEvents.INSTALMENT_OVERDUE);

    Rules.alertsOf(rule).body("$", hasSize(1)).body("[0].status", equalTo("FIRING"));
  }

  @Test
  void paymentOfTheInstalmentResolvesTheOverdueAlert() {
    rule = overdueRule(30);
    clock.set(DUE_PLUS_31);
    pledge.publishAndAwait(PledgeEvents.COMMITTED);

    clock.set(DUE_PLUS_61);
    pledge
        .atVersion(2)
        .status("PAID")
        .instalments(new String[] {"1", "1997-09-30", "1000000.00", "1000000.00", "PAID"})
        .publishAndAwait(PledgeEvents.PAYMENT_ALLOCATED);

    Rules.alertsOf(rule)
        .body("$", hasSize(1))
        .body("[0].status", equalTo("RESOLVED"))
        .body("[0].endsAt", equalTo(DUE_PLUS_61.toString()));
  }

  @Test
  void writingOffThePledgeResolvesTheOverdueAlert() {
    rule = overdueRule(30);
    clock.set(DUE_PLUS_31);
    pledge.publishAndAwait(PledgeEvents.COMMITTED);

    pledge.atVersion(2).status("WRITTEN_OFF").publishAndAwait(PledgeEvents.WRITTEN_OFF);

    Rules.alertsOf(rule).body("$", hasSize(1)).body("[0].status", equalTo("RESOLVED"));
  }

  @Test
  void eachAgeingBucketIsItsOwnAlertAndTheEarlierOneKeepsFiring() {
    String thirty = overdueRule(30);
    String sixty = overdueRule(60);
    clock.set(DUE_PLUS_31);
    pledge.publishAndAwait(PledgeEvents.COMMITTED);
    Rules.alertsOf(sixty).body("$", empty());

    clock.set(DUE_PLUS_61);
    alertService.reevaluateAll();

    Rules.alertsOf(sixty)
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].labels.bucket", equalTo("60"));
    Rules.alertsOf(thirty).body("$", hasSize(1)).body("[0].status", equalTo("FIRING"));
  }

  @Test
  void anAnnouncedPledgesInstalmentNeverFiresAnOverdueAlert() {
    String thirty = overdueRule(30);
    String sixty = overdueRule(60);
    String ninety = overdueRule(90);
    clock.set(DUE_PLUS_91);

    pledge.status("ANNOUNCED").publishAndAwait(PledgeEvents.ANNOUNCED);
    alertService.reevaluateAll();

    Rules.alertsOf(thirty).body("$", empty());
    Rules.alertsOf(sixty).body("$", empty());
    Rules.alertsOf(ninety).body("$", empty());
  }

  @Test
  void aPartlyPaidPledgesUnpaidInstalmentFiresInItsBucket() {
    String ninety = overdueRule(90);
    clock.set(DUE_PLUS_91);

    pledge
        .status("PARTIALLY_PAID")
        .instalments(new String[] {"1", "1997-09-30", "1000000.00", "400000.00", "PARTIALLY_PAID"})
        .publishAndAwait(PledgeEvents.PAYMENT_ALLOCATED);

    Rules.alertsOf(ninety)
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].days", equalTo(91))
        .body("[0].amount.amount", equalTo("600000.00"))
        .body("[0].summary", containsString("(over 90 days past due)"));
  }

  @Test
  void aCancelledPledgeFiresOnTheEventAndResolvesAfterResolveAfter() {
    rule = Rules.uniqueName("cancelled");
    Rules.create(rule, "PLEDGE_CANCELLED", pledge.appealCode(), "\"resolveAfter\":\"P7D\"");
    clock.set(EVENT_TIME);
    pledge.publishAndAwait(PledgeEvents.COMMITTED);

    pledge
        .atVersion(2)
        .status("CANCELLED")
        .recordedAt(EVENT_TIME)
        .publishAndAwait(PledgeEvents.CANCELLED);
    Rules.alertsOf(rule)
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].labels.donor", equalTo("NOR"))
        .body("[0].labels.pledge", equalTo(pledge.id().toString()))
        .body("[0].labels.kind", equalTo("pledge-cancelled"))
        .body("[0].amount.amount", equalTo("1000000.00"))
        .body("[0].summary", containsString("cancelled"));

    clock.set(EVENT_TIME.plusSeconds(7 * 24 * 3600 - 1));
    alertService.reevaluateAll();
    Rules.alertsOf(rule).body("[0].status", equalTo("FIRING"));
    clock.set(EVENT_TIME.plusSeconds(7 * 24 * 3600));
    alertService.reevaluateAll();
    Rules.alertsOf(rule)
        .body("$", hasSize(1))
        .body("[0].status", equalTo("RESOLVED"))
        .body("[0].endsAt", equalTo(EVENT_TIME.plusSeconds(7 * 24 * 3600).toString()));
  }

  @Test
  void aWrittenOffPledgeFiresOnTheEvent() {
    rule = Rules.uniqueName("written-off");
    Rules.create(rule, "PLEDGE_WRITTEN_OFF", pledge.appealCode(), "\"resolveAfter\":\"P7D\"");
    clock.set(EVENT_TIME);

    pledge
        .atVersion(2)
        .status("WRITTEN_OFF")
        .recordedAt(EVENT_TIME)
        .publishAndAwait(PledgeEvents.WRITTEN_OFF);

    Rules.alertsOf(rule)
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].labels.kind", equalTo("pledge-written-off"));
  }

  @Test
  void aPledgeAtTheLargePledgeAmountFires() {
    rule = Rules.uniqueName("large");
    Rules.create(
        rule,
        "LARGE_PLEDGE",
        pledge.appealCode(),
        "\"minAmountUsd\":\"10000000.00\",\"resolveAfter\":\"P7D\"");
    clock.set(EVENT_TIME);

    pledge
        .worthUsd("10000000.00")
        .status("ANNOUNCED")
        .recordedAt(EVENT_TIME)
        .publishAndAwait(PledgeEvents.ANNOUNCED);

    Rules.alertsOf(rule)
        .body("$", hasSize(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].labels.kind", equalTo("large-pledge"))
        .body("[0].amount.amount", equalTo("10000000.00"))
        .body("[0].endsAt", nullValue());
  }

  @Test
  void aPledgeJustBelowTheLargePledgeAmountFiresNothing() {
    rule = Rules.uniqueName("large");
    Rules.create(
        rule,
        "LARGE_PLEDGE",
        pledge.appealCode(),
        "\"minAmountUsd\":\"10000000.00\",\"resolveAfter\":\"P7D\"");
    clock.set(EVENT_TIME);

    pledge
        .worthUsd("9999999.99")
        .status("ANNOUNCED")
        .recordedAt(EVENT_TIME)
        .publishAndAwait(PledgeEvents.ANNOUNCED);

    Rules.alertsOf(rule).body("$", empty());
  }

  @Test
  void anOlderPledgeStateArrivingLateChangesNothing() {
    rule = Rules.uniqueName("cancelled");
    Rules.create(rule, "PLEDGE_CANCELLED", pledge.appealCode(), "\"resolveAfter\":\"P7D\"");
    clock.set(EVENT_TIME);
    pledge
        .atVersion(2)
        .status("CANCELLED")
        .recordedAt(EVENT_TIME)
        .publishAndAwait(PledgeEvents.CANCELLED);

    // the announcement, version 1, arrives after the cancellation, and twice
    pledge.atVersion(1).status("ANNOUNCED").publishAndAwait(PledgeEvents.ANNOUNCED);
    pledge.publishAndAwait(PledgeEvents.ANNOUNCED);

    Rules.alertsOf(rule).body("$", hasSize(1)).body("[0].status", equalTo("FIRING"));
  }
}
