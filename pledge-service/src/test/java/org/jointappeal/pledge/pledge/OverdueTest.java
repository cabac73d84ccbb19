package org.jointappeal.pledge.pledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.KafkaTestClient;
import org.jointappeal.pledge.Pledges;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.jointappeal.pledge.events.PledgeInstalmentOverdueV1;
import org.jointappeal.pledge.events.PledgePaymentAllocatedV1;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The overdue check: an instalment of a committed pledge still unpaid after its due date becomes
 * OVERDUE and is reported once. The tests drive the check themselves (its schedule is off here).
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class OverdueTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppeal() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Pledges.rate("NOK", "1997-07-01", "7.4600");
    // receipts of September and November: each month needs a rate of its own or the month before
    Pledges.rate("NOK", "1997-09-01", "7.4600");
    Pledges.rate("NOK", "1997-11-01", "7.8000");
  }

  private void today(String date) {
    clock.set(Instant.parse(date + "T09:00:00Z"));
  }

  /** NOK 200 in two instalments: 100 due on 30 September, 100 on 31 December 1997. */
  private String twoInstalmentPledge() {
    return Pledges.committed(
        appeal,
        "NOR",
        "200.00",
        "NOK",
        Pledges.schedule("NOK", "1997-09-30", "100.00", "1997-12-31", "100.00"));
  }

  private static ValidatableResponse pledge(String pledgeId) {
    return given().when().get("/pledges/" + pledgeId).then().statusCode(200);
  }

  private static long overdueEventsOf(String pledgeId) {
    return Db.count(
        "select count(*) from outbox_event where subject = ? and type = ?",
        pledgeId,
        PledgeInstalmentOverdueV1.TYPE);
  }

  @Test
  void anUnpaidInstalmentPastItsDueDateBecomesOverdue() {
    String pledge = twoInstalmentPledge();
    today("1997-12-01");

    Pledges.checkOverdue();

    pledge(pledge)
        .body("instalments.status", contains("OVERDUE", "PENDING"))
        .body("status", equalTo("COMMITTED"));
  }

  @Test
  void anInstalmentDueTodayIsNotYetOverdueButIsTheDayAfter() {
    String pledge = twoInstalmentPledge();
    today("1997-09-30");

    Pledges.checkOverdue();
    pledge(pledge).body("instalments.status", contains("PENDING", "PENDING"));

    today("1997-10-01");
    Pledges.checkOverdue();
    pledge(pledge).body("instalments.status", contains("OVERDUE", "PENDING"));
  }

  @Test
  void runningTheCheckTwiceReportsTheInstalmentOnceOnTheTopic() {
    String pledge = twoInstalmentPledge();
    today("1997-12-01");

    Pledges.checkOverdue();
    Pledges.checkOverdue();
    // a later event of the same pledge: once it is on the topic, everything before it is too
    Pledges.paid(pledge, "NOR", "10.00", "NOK", "1997-11-20");

    var records =
        KafkaTestClient.readUntil(
            "pledge-events",
            r ->
                PledgePaymentAllocatedV1.TYPE.equals(KafkaTestClient.header(r, "ce_type"))
                    && pledge.equals(KafkaTestClient.header(r, "ce_subject")),
            Duration.ofSeconds(20));
    assertThat(records)
        .filteredOn(r -> pledge.equals(KafkaTestClient.header(r, "ce_subject")))
        .filteredOn(
            r -> PledgeInstalmentOverdueV1.TYPE.equals(KafkaTestClient.header(r, "ce_type")))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.value())
                    .contains("\"instalment\":{\"number\":1,\"dueOn\":\"1997-09-30\"")
                    .contains("\"occurredOn\":\"1997-12-01\""));
  }

  @Test
  void twoChecksAtOnceReportEachInstalmentOnce() throws Exception {
    String pledge = twoInstalmentPledge();
    today("1998-01-15");

    var pool = Executors.newFixedThreadPool(2);
    try {
      var first = CompletableFuture.runAsync(Pledges::checkOverdue, pool);
      var second = CompletableFuture.runAsync(Pledges::checkOverdue, pool);
      CompletableFuture.allOf(first, second).get();
    } finally {
      pool.shutdown();
    }

    assertThat(overdueEventsOf(pledge)).isEqualTo(2);
    assertThat(
            Db.column(
                "select payload from outbox_event where subject = ? and type = ?",
                pledge,
                PledgeInstalmentOverdueV1.TYPE))
        .map(String::valueOf)
        .anySatisfy(p -> assertThat(p).contains("\"instalment\":{\"number\":1,"))
        .anySatisfy(p -> assertThat(p).contains("\"instalment\":{\"number\":2,"));
  }

  @Test
  void aFullPaymentAfterwardsMovesTheOverdueInstalmentToPaid() {
    String pledge = twoInstalmentPledge();
    today("1997-12-01");
    Pledges.checkOverdue();

    Pledges.paid(pledge, "NOR", "100.00", "NOK", "1997-11-20");

    pledge(pledge)
        .body("instalments.status", contains("PAID", "PENDING"))
        .body("instalments[0].paid.amount", equalTo("100.00"));
  }

  @Test
  void aPartPaymentAfterwardsLeavesTheInstalmentOverdueWithItsPaidPart() {
    String pledge = twoInstalmentPledge();
    today("1997-12-01");
    Pledges.checkOverdue();

    Pledges.paid(pledge, "NOR", "40.00", "NOK", "1997-11-20");

    pledge(pledge)
        .body("instalments.status", contains("OVERDUE", "PENDING"))
        .body("instalments[0].paid.amount", equalTo("40.00"))
        .body("status", equalTo("PARTIALLY_PAID"));
    assertThat(overdueEventsOf(pledge)).isEqualTo(1);
  }

  @Test
  void aPartlyPaidInstalmentPastItsDueDateBecomesOverdueKeepingItsPaidPart() {
    String pledge = twoInstalmentPledge();
    Pledges.paid(pledge, "NOR", "30.00", "NOK", "1997-09-20");
    today("1997-12-01");

    Pledges.checkOverdue();

    pledge(pledge)
        .body("instalments.status", contains("OVERDUE", "PENDING"))
        .body("instalments[0].paid.amount", equalTo("30.00"));
  }

  @Test
  void writtenOffInstalmentsAreNeverReportedOverdue() {
    String pledge = twoInstalmentPledge();
    Pledges.writtenOff(pledge, "1997-09-20");
    today("1998-03-01");

    Pledges.checkOverdue();

    pledge(pledge).body("instalments.status", contains("WRITTEN_OFF", "WRITTEN_OFF"));
    assertThat(overdueEventsOf(pledge)).isZero();
  }

  @Test
  void anAnnouncedPledgeHasNoOverdueInstalments() {
    String pledge =
        Pledges.announced(
            appeal, "NOR", "100.00", "NOK", Pledges.schedule("NOK", "1997-09-30", "100.00"));
    today("1997-12-01");

    Pledges.checkOverdue();

    pledge(pledge).body("instalments.status", contains("PENDING"));
    assertThat(overdueEventsOf(pledge)).isZero();
  }

  @Test
  void theOverdueInstalmentIsInThePledgesHistory() {
    String pledge = twoInstalmentPledge();
    today("1997-12-01");

    Pledges.checkOverdue();

    given()
        .when()
        .get("/pledges/" + pledge + "/history")
        .then()
        .statusCode(200)
        .body("action[-1]", equalTo("INSTALMENT_OVERDUE"))
        .body("occurredOn[-1]", equalTo("1997-12-01"));
  }
}
