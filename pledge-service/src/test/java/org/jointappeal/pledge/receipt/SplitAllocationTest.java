package org.jointappeal.pledge.receipt;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.jointappeal.pledge.pledge.InstalmentRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A receipt's USD value is fixed once; split over instalments or pledges, the parts' USD values add
 * up to it (100.00 at 1.46 is USD 68.49, never 68.50), and so do the realised gains. The issue's
 * case is in CHF; guilders here, because other tests rely on CHF having no rate in July 1997.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class SplitAllocationTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppeal() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
  }

  private static ValidatableResponse allocate(String receipt, String pledge, String amount, int n) {
    return given()
        .contentType(JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"pledgeId":"%s","amount":{"amount":"%s","currency":"NLG"},"instalmentNumber":%d}"""
                .formatted(pledge, amount, n))
        .when()
        .post("/receipts/" + receipt + "/allocations")
        .then()
        .statusCode(201);
  }

  private static String threeInstalmentPledge(String appeal) {
    return ReceiptFixtures.committedPledge(
        appeal,
        "CHE",
        "100.00",
        "NLG",
        List.of(
            instalment("1997-09-30", "33.33"),
            instalment("1997-10-31", "33.33"),
            instalment("1997-11-30", "33.34")));
  }

  private static InstalmentRequest instalment(String dueOn, String amount) {
    return new InstalmentRequest(LocalDate.parse(dueOn), ReceiptFixtures.money(amount, "NLG"));
  }

  @Test
  void aReceiptSplitOverThreeInstalmentsCountsItsOwnUsdValue() {
    ReceiptFixtures.rate("NLG", "1997-07-01", "1.46");
    ReceiptFixtures.rate("NLG", "1997-10-01", "1.46");
    String pledge = threeInstalmentPledge(appeal);
    String receipt = ReceiptFixtures.receipt("CHE", "100.00", "NLG", "1997-10-15");

    allocate(receipt, pledge, "33.33", 1).body("usdAmount.amount", equalTo("22.83"));
    allocate(receipt, pledge, "33.33", 2).body("usdAmount.amount", equalTo("22.83"));
    // 33.34 / 1.46 = 22.836: on its own it would be 22.84, making 68.50 of a USD 68.49 receipt
    allocate(receipt, pledge, "33.34", 3).body("usdAmount.amount", equalTo("22.83"));

    given()
        .get("/pledges/" + pledge)
        .then()
        .body("status", equalTo("PAID"))
        .body("paidUsd.amount", equalTo("68.49"));
    given()
        .get("/receipts/" + receipt)
        .then()
        .body("usdValue.amount", equalTo("68.49"))
        .body("unallocatedUsd.amount", equalTo("0.00"))
        .body("allocations.exchangeGainLoss.amount", contains("0.00", "0.00", "0.00"));
    // what appeal-service and notification-service are told: the last event's state
    var payloads =
        Db.column(
            "select payload from outbox_event where subject = ? and type = ? order by seq",
            pledge,
            "org.jointappeal.pledge.payment-allocated.v1");
    assertThat(payloads).hasSize(3);
    assertThat(payloads.get(2).toString())
        .containsPattern("\"paidUsd\"\\s*:\\s*\\{\\s*\"amount\"\\s*:\\s*\"68.49\"");
  }

  @Test
  void realisedGainsAddUpToTheDifferenceOfTheTwoValues() {
    // pledged at 1.50 (USD 66.67), received at 1.46 (USD 68.49): USD 1.82 gained in all
    ReceiptFixtures.rate("NLG", "1997-07-01", "1.50");
    ReceiptFixtures.rate("NLG", "1997-10-01", "1.46");
    String pledge = threeInstalmentPledge(appeal);
    String receipt = ReceiptFixtures.receipt("CHE", "100.00", "NLG", "1997-10-15");

    allocate(receipt, pledge, "33.33", 1)
        .body("pledgeRateUsd.amount", equalTo("22.22"))
        .body("exchangeGainLoss.amount", equalTo("0.61"));
    allocate(receipt, pledge, "33.33", 2)
        .body("pledgeRateUsd.amount", equalTo("22.22"))
        .body("exchangeGainLoss.amount", equalTo("0.61"));
    allocate(receipt, pledge, "33.34", 3)
        .body("pledgeRateUsd.amount", equalTo("22.23"))
        .body("exchangeGainLoss.amount", equalTo("0.60"));

    given()
        .get("/pledges/" + pledge)
        .then()
        .body("usdValue.amount", equalTo("66.67"))
        .body("paidUsd.amount", equalTo("68.49"));
  }

  @Test
  void thePartLeftUnallocatedKeepsTheRestOfTheUsdValue() {
    ReceiptFixtures.rate("NLG", "1997-07-01", "1.46");
    ReceiptFixtures.rate("NLG", "1997-10-01", "1.46");
    String pledge = threeInstalmentPledge(appeal);
    String receipt = ReceiptFixtures.receipt("CHE", "100.00", "NLG", "1997-10-15");

    allocate(receipt, pledge, "33.33", 1);
    allocate(receipt, pledge, "33.34", 3);

    // 66.67 allocated: USD 45.66 of 68.49 (cumulatively rounded), 22.83 stays with the credit
    given()
        .get("/receipts/" + receipt)
        .then()
        .body("allocations.usdAmount.amount", contains("22.83", "22.83"))
        .body("unallocated.amount", equalTo("33.33"))
        .body("unallocatedUsd.amount", equalTo("22.83"));
  }
}
