package org.jointappeal.pledge.receipt;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Money that arrives before its pledge exists counts as paid from the announcement date, valued at
 * its own value-date rate (ADR 0007). Pledges are announced on 2 July 1997.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class AllocationDateTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppealAndRates() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    ReceiptFixtures.rate("NOK", "1997-06-01", "7.2000");
    ReceiptFixtures.rate("NOK", "1997-07-01", "7.4600");
    ReceiptFixtures.rate("NOK", "1997-10-01", "7.1000");
  }

  private static String allocate(String receipt, String pledge, String amount) {
    return given()
        .contentType(JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"pledgeId":"%s","amount":{"amount":"%s","currency":"NOK"}}"""
                .formatted(pledge, amount))
        .when()
        .post("/receipts/" + receipt + "/allocations")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void moneyReceivedBeforeThePledgeIsPaidFromTheAnnouncementAtItsValueDateRate() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "720000.00", "NOK");
    String receipt = ReceiptFixtures.receipt("NOR", "720000.00", "NOK", "1997-06-25");

    String allocation = allocate(receipt, pledge, "720000.00");

    given()
        .get("/receipts/" + receipt + "/allocations/" + allocation)
        .then()
        .body("valueDate", equalTo("1997-06-25"))
        .body("paidOn", equalTo("1997-07-02"))
        // the June rate (7.20), not the rate of the announcement date (7.46)
        .body("usdAmount.amount", equalTo("100000.00"))
        .body("pledgeRateUsd.amount", equalTo("96514.75"));
  }

  @Test
  void moneyReceivedAfterTheAnnouncementIsPaidOnItsValueDate() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "710000.00", "NOK");
    String receipt = ReceiptFixtures.receipt("NOR", "710000.00", "NOK", "1997-10-15");

    String allocation = allocate(receipt, pledge, "710000.00");

    given()
        .get("/receipts/" + receipt + "/allocations/" + allocation)
        .then()
        .body("valueDate", equalTo("1997-10-15"))
        .body("paidOn", equalTo("1997-10-15"))
        .body("usdAmount.amount", equalTo("100000.00"));
  }
}
