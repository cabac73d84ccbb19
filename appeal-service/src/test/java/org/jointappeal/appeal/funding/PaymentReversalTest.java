package org.jointappeal.appeal.funding;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
 * The bank reverses a receipt (pledge-service's {@code payment-reversed.v1}): the ledger lowers
 * paid as of the reversal's business date and the commitment is unpaid again; before that date the
 * money still counts as paid. NOR commits USD 200 000 on 15 September 1997, pays it on 15 October,
 * and the bank reverses the payment on 20 October.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class PaymentReversalTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void aCommitmentPaidAndReversed() {
    clock.set(Instant.parse("1997-01-15T09:00:00Z"));
    appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal);
    clock.reset();
    UUID pledge = UUID.randomUUID();
    PledgeEvents.aPledge(appeal, pledge)
        .usd("200000.00")
        .status("COMMITTED")
        .version(1)
        .on("1997-09-15")
        .outstanding("200000.00")
        .send(PledgeEvents.COMMITTED);
    PledgeEvents.aPledge(appeal, pledge)
        .usd("200000.00")
        .status("PAID")
        .version(2)
        .on("1997-10-15")
        .paid("200000.00")
        .outstanding("0.00")
        .send(PledgeEvents.PAYMENT_ALLOCATED);
    String reversal =
        PledgeEvents.aPledge(appeal, pledge)
            .usd("200000.00")
            .status("COMMITTED")
            .version(3)
            .on("1997-10-20")
            .paid("0.00")
            .outstanding("200000.00")
            .send(PledgeEvents.PAYMENT_REVERSED);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> Db.count("select count(*) from inbox_message where event_id = ?", reversal) == 1);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private io.restassured.response.ValidatableResponse funding(String asOf) {
    var request = given();
    if (asOf != null) {
      request.queryParam("asOf", asOf);
    }
    return request.when().get("/appeals/" + appeal + "/funding").then().statusCode(200);
  }

  @Test
  void beforeTheReversalTheMoneyCountsAsPaid() {
    funding("1997-10-19")
        .body("paid.amount", equalTo("200000.00"))
        .body("committed.amount", equalTo("0.00"));
  }

  @Test
  void fromTheReversalsDateTheCommitmentIsUnpaidAgain() {
    funding("1997-10-20")
        .body("paid.amount", equalTo("0.00"))
        .body("committed.amount", equalTo("200000.00"))
        .body("funding.amount", equalTo("200000.00"));
  }

  @Test
  void todaysFiguresNoLongerCountTheReversedMoney() {
    funding(null)
        .body("paid.amount", equalTo("0.00"))
        .body("committed.amount", equalTo("200000.00"));
  }
}
