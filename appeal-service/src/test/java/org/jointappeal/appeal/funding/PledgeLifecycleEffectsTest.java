package org.jointappeal.appeal.funding;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.util.UUID;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payments, cancellations and write-offs as the pledge's state reports them. */
@QuarkusTest
@StackResource
@TestSecurity(user = "auditor", roles = "auditor")
class PledgeLifecycleEffectsTest {

  String appeal;
  UUID pledge;

  @BeforeEach
  void launchedAppealOfOneMillion() {
    appeal = Appeals.uniqueCode();
    pledge = UUID.randomUUID();
    AppealFixtures.launched(appeal);
  }

  private static void awaitApplied(String eventId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> Db.count("select count(*) from inbox_message where event_id = ?", eventId) == 1);
  }

  private PledgeEvents.Builder state() {
    return PledgeEvents.aPledge(appeal, pledge).usd("100000.00");
  }

  private io.restassured.response.ValidatableResponse funding() {
    return given().when().get("/appeals/" + appeal + "/funding").then().statusCode(200);
  }

  @Test
  void aCancelledAnnouncementLeavesTheFigures() {
    state().send(PledgeEvents.ANNOUNCED);
    awaitApplied(state().status("CANCELLED").version(1).send(PledgeEvents.CANCELLED));
    funding().body("pledged.amount", equalTo("0.00")).body("funding.amount", equalTo("0.00"));
  }

  @Test
  void aPartPaymentSplitsFundingIntoCommittedAndPaid() {
    awaitApplied(
        state()
            .status("PARTIALLY_PAID")
            .version(2)
            .paid("40200.00")
            .outstanding("60000.00")
            .send(PledgeEvents.PAYMENT_ALLOCATED));
    funding()
        .body("committed.amount", equalTo("60000.00"))
        .body("paid.amount", equalTo("40200.00"))
        .body("funding.amount", equalTo("100200.00"));
  }

  @Test
  void aWrittenOffRemainderLeavesTheFiguresAndWhatWasPaidStays() {
    awaitApplied(
        state()
            .status("WRITTEN_OFF")
            .version(3)
            .paid("40000.00")
            .outstanding("0.00")
            .writtenOff("60000.00")
            .send(PledgeEvents.WRITTEN_OFF));
    funding()
        .body("committed.amount", equalTo("0.00"))
        .body("paid.amount", equalTo("40000.00"))
        .body("funding.amount", equalTo("40000.00"))
        .body("writtenOff.amount", equalTo("60000.00"));
  }

  @Test
  void aFullyPaidPledgeIsPaidFunding() {
    awaitApplied(
        state()
            .status("PAID")
            .version(2)
            .paid("101000.00")
            .outstanding("0.00")
            .send(PledgeEvents.PAYMENT_ALLOCATED));
    funding()
        .body("committed.amount", equalTo("0.00"))
        .body("paid.amount", equalTo("101000.00"))
        .body("coveragePercent", equalTo("10.10"));
  }

  @Test
  void anUnknownPledgeEventTypeCarryingTheStateIsApplied() {
    awaitApplied(
        state()
            .status("PAID")
            .version(4)
            .paid("100000.00")
            .outstanding("0.00")
            .send("org.jointappeal.pledge.receipt-corrected.v1"));
    funding().body("paid.amount", equalTo("100000.00"));
  }

  @Test
  void aCommitmentWithoutTheNewerFieldsIsOutstandingInFull() {
    awaitApplied(state().status("COMMITTED").version(1).send(PledgeEvents.COMMITTED));
    funding().body("committed.amount", equalTo("100000.00")).body("paid.amount", equalTo("0.00"));
  }
}
