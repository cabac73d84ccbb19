package org.jointappeal.pledge.receipt;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
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
 * Allocating receipts to pledges. Norway's pledges are valued at 7.46 NOK per USD (July 1997); its
 * receipts at 7.10 (from 1 October: a gain) or 7.80 (from 1 November: a loss).
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class AllocationTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppealAndRates() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    ReceiptFixtures.rate("NOK", "1997-07-01", "7.4600");
    ReceiptFixtures.rate("NOK", "1997-10-01", "7.1000");
    ReceiptFixtures.rate("NOK", "1997-11-01", "7.8000");
  }

  private static ValidatableResponse allocate(
      String receiptId, String pledgeId, String amount, String currency) {
    return allocate(
        receiptId,
        """
        {"pledgeId":"%s","amount":{"amount":"%s","currency":"%s"}}"""
            .formatted(pledgeId, amount, currency),
        UUID.randomUUID().toString());
  }

  private static ValidatableResponse allocate(String receiptId, String body, String key) {
    return given()
        .contentType(JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .when()
        .post("/receipts/" + receiptId + "/allocations")
        .then();
  }

  private static ValidatableResponse pledge(String pledgeId) {
    return given().when().get("/pledges/" + pledgeId).then().statusCode(200);
  }

  private static ValidatableResponse receipt(String receiptId) {
    return given().when().get("/receipts/" + receiptId).then().statusCode(200);
  }

  private static long allocationsOf(String pledgeId) {
    return Db.count("select count(*) from allocation where pledge_id = ?::uuid", pledgeId);
  }

  private static long eventsOf(String pledgeId) {
    return Db.count(
        "select count(*) from outbox_event where subject = ? and type = ?",
        pledgeId,
        "org.jointappeal.pledge.payment-allocated.v1");
  }

  /** Nothing was written: no allocation, the pledge unpaid, the receipt wholly unallocated. */
  private static void nothingWritten(String receiptId, String pledgeId) {
    assertThat(allocationsOf(pledgeId)).isZero();
    assertThat(eventsOf(pledgeId)).isZero();
    pledge(pledgeId).body("paid.amount", equalTo(pledgeAmountPaidZero(pledgeId)));
    assertThat(
            Db.count(
                "select count(*) from receipt where id = ?::uuid and allocated = 0", receiptId))
        .isEqualTo(1);
  }

  private static String pledgeAmountPaidZero(String pledgeId) {
    return Db.column("select currency from pledge where id = ?::uuid", pledgeId)
            .get(0)
            .toString()
            .equals("JPY")
        ? "0"
        : "0.00";
  }

  @Test
  void aPartialPaymentLeavesThePledgePartiallyPaid() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "1492000.00", "NOK");
    String receipt = ReceiptFixtures.receipt("NOR", "746000.00", "NOK", "1997-10-15");

    allocate(receipt, pledge, "746000.00", "NOK")
        .statusCode(201)
        .header("Location", containsString("/receipts/" + receipt + "/allocations/"));

    pledge(pledge)
        .body("status", equalTo("PARTIALLY_PAID"))
        .body("paid.amount", equalTo("746000.00"))
        .body("outstanding.amount", equalTo("746000.00"))
        // the outstanding half at the pledge's 7.46; the paid half at the receipt's 7.10
        .body("outstandingUsd.amount", equalTo("100000.00"))
        .body("paidUsd.amount", equalTo("105070.42"))
        .body("instalments[0].status", equalTo("PARTIALLY_PAID"));
    receipt(receipt).body("unallocated.amount", equalTo("0.00"));
  }

  @Test
  void aFullPaymentMarksThePledgeAndItsInstalmentsPaid() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");

    allocate(receipt, pledge, "100.00", "USD").statusCode(201);

    pledge(pledge)
        .body("status", equalTo("PAID"))
        .body("outstanding.amount", equalTo("0.00"))
        .body("outstandingUsd.amount", equalTo("0.00"))
        .body("paidUsd.amount", equalTo("100.00"))
        .body("instalments.status", everyItem(equalTo("PAID")));
  }

  @Test
  void anOverPaymentStaysOnTheReceiptAsUnallocatedCredit() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "150.00", "USD", "1997-10-15");

    allocate(receipt, pledge, "100.00", "USD").statusCode(201);

    pledge(pledge).body("status", equalTo("PAID"));
    receipt(receipt)
        .body("allocated.amount", equalTo("100.00"))
        .body("unallocated.amount", equalTo("50.00"))
        .body("allocations.pledgeId", contains(pledge));
  }

  @Test
  void allocatingMoreThanThePledgeOutstandingIsRejected() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "150.00", "USD", "1997-10-15");

    allocate(receipt, pledge, "150.00", "USD")
        .statusCode(422)
        .body("type", endsWith("/allocation-exceeds-outstanding"));

    nothingWritten(receipt, pledge);
  }

  @Test
  void aPaymentAcrossTwoInstalmentsIsSplitInDueDateOrderToTheCent() {
    // given out of order: the schedule is by due date
    String pledge =
        ReceiptFixtures.committedPledge(
            appeal,
            "NOR",
            "1000000.01",
            "NOK",
            List.of(
                new InstalmentRequest(
                    LocalDate.parse("1997-12-31"), ReceiptFixtures.money("500000.00", "NOK")),
                new InstalmentRequest(
                    LocalDate.parse("1997-09-30"), ReceiptFixtures.money("500000.01", "NOK"))));
    String receipt = ReceiptFixtures.receipt("NOR", "600000.00", "NOK", "1997-10-15");

    allocate(receipt, pledge, "600000.00", "NOK")
        .statusCode(201)
        .body("instalments.number", contains(1, 2))
        .body("instalments.amount.amount", contains("500000.01", "99999.99"));

    pledge(pledge)
        .body("instalments.paid.amount", contains("500000.01", "99999.99"))
        .body("instalments.status", contains("PAID", "PARTIALLY_PAID"))
        .body("outstanding.amount", equalTo("400000.01"));
  }

  @Test
  void aPaymentToOneNamedInstalmentReachesOnlyThatInstalment() {
    String pledge =
        ReceiptFixtures.committedPledge(
            appeal,
            "NOR",
            "200.00",
            "USD",
            List.of(
                new InstalmentRequest(
                    LocalDate.parse("1997-09-30"), ReceiptFixtures.money("100.00", "USD")),
                new InstalmentRequest(
                    LocalDate.parse("1997-12-31"), ReceiptFixtures.money("100.00", "USD"))));
    String receipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");

    allocate(
            receipt,
            """
            {"pledgeId":"%s","amount":{"amount":"100.00","currency":"USD"},"instalmentNumber":2}"""
                .formatted(pledge),
            UUID.randomUUID().toString())
        .statusCode(201);

    pledge(pledge).body("instalments.status", contains("PENDING", "PAID"));
  }

  @Test
  void aReceiptAtAStrongerCurrencyRecordsAnExchangeGainToTheCent() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "1492000.00", "NOK");
    String receipt = ReceiptFixtures.receipt("NOR", "746000.00", "NOK", "1997-10-15");

    allocate(receipt, pledge, "746000.00", "NOK")
        .statusCode(201)
        // 746 000 / 7.10 = 105 070.4225... -> 105 070.42; / 7.46 = 100 000.00
        .body("usdAmount.amount", equalTo("105070.42"))
        .body("pledgeRateUsd.amount", equalTo("100000.00"))
        .body("exchangeGainLoss.amount", equalTo("5070.42"))
        .body("exchangeGainLoss.currency", equalTo("USD"));
  }

  @Test
  void aReceiptAtAWeakerCurrencyRecordsAnExchangeLossToTheCent() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "1492000.00", "NOK");
    String receipt = ReceiptFixtures.receipt("NOR", "746000.00", "NOK", "1997-11-10");

    allocate(receipt, pledge, "746000.00", "NOK")
        .statusCode(201)
        // 746 000 / 7.80 = 95 641.0256... -> 95 641.03
        .body("usdAmount.amount", equalTo("95641.03"))
        .body("pledgeRateUsd.amount", equalTo("100000.00"))
        .body("exchangeGainLoss.amount", equalTo("-4358.97"));
    pledge(pledge).body("paidUsd.amount", equalTo("95641.03"));
  }

  @Test
  void paidUsdIsTheSumOfTheAllocationsAtTheirReceiptsRates() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "1492000.00", "NOK");
    String october = ReceiptFixtures.receipt("NOR", "746000.00", "NOK", "1997-10-15");
    String november = ReceiptFixtures.receipt("NOR", "746000.00", "NOK", "1997-11-10");

    allocate(october, pledge, "746000.00", "NOK").statusCode(201);
    allocate(november, pledge, "746000.00", "NOK").statusCode(201);

    pledge(pledge)
        .body("status", equalTo("PAID"))
        // 105 070.42 + 95 641.03, each rounded once
        .body("paidUsd.amount", equalTo("200711.45"))
        .body("outstandingUsd.amount", equalTo("0.00"));
  }

  @Test
  void anAllocationPublishesPaymentAllocatedOnTheReceiptsValueDate() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "40.00", "USD", "1997-10-15");

    allocate(receipt, pledge, "40.00", "USD").statusCode(201);

    assertThat(eventsOf(pledge)).isEqualTo(1);
    assertThat(
            Db.column(
                "select payload from outbox_event where subject = ? and type = ?",
                pledge,
                "org.jointappeal.pledge.payment-allocated.v1"))
        .singleElement()
        .asString()
        .contains("\"occurredOn\":\"1997-10-15\"")
        .contains("\"status\":\"PARTIALLY_PAID\"");
  }

  @Test
  void aRetryWithTheSameKeyReplaysTheAllocationWithoutASecondOne() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");
    String body =
        """
        {"pledgeId":"%s","amount":{"amount":"40.00","currency":"USD"}}"""
            .formatted(pledge);
    String key = UUID.randomUUID().toString();

    String location = allocate(receipt, body, key).statusCode(201).extract().header("Location");
    allocate(receipt, body, key).statusCode(201).header("Location", equalTo(location));

    assertThat(allocationsOf(pledge)).isEqualTo(1);
    pledge(pledge).body("paid.amount", equalTo("40.00"));
  }

  @Test
  void anAllocationToAnotherDonorsPledgeIsRejected() {
    String swedish = ReceiptFixtures.committedPledge(appeal, "SWE", "100.00", "USD");
    String norwegianReceipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");

    allocate(norwegianReceipt, swedish, "100.00", "USD")
        .statusCode(422)
        .body("type", endsWith("/allocation-donor-differs"));

    nothingWritten(norwegianReceipt, swedish);
  }

  @Test
  void anAllocationInAnotherCurrencyThanThePledgeIsRejected() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "710.00", "NOK", "1997-10-15");

    allocate(receipt, pledge, "710.00", "NOK")
        .statusCode(422)
        .body("type", endsWith("/allocation-currency-differs"));

    nothingWritten(receipt, pledge);
  }

  @Test
  void anAllocationBeyondTheReceiptsUnallocatedAmountIsRejected() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "500.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");
    allocate(receipt, pledge, "60.00", "USD").statusCode(201);

    allocate(receipt, pledge, "50.00", "USD")
        .statusCode(422)
        .body("type", endsWith("/allocation-exceeds-receipt"))
        .body("detail", containsString("40.00"));

    assertThat(allocationsOf(pledge)).isEqualTo(1);
    pledge(pledge).body("paid.amount", equalTo("60.00"));
    receipt(receipt).body("unallocated.amount", equalTo("40.00"));
  }

  @Test
  void aCancelledPledgeCannotReceiveAnAllocation() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    ReceiptFixtures.cancel(pledge);
    String receipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");

    allocate(receipt, pledge, "100.00", "USD")
        .statusCode(422)
        .body("type", endsWith("/pledge-not-payable"));

    nothingWritten(receipt, pledge);
  }

  @Test
  void aWrittenOffPledgeCannotReceiveAnAllocation() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    ReceiptFixtures.writeOff(pledge);
    String receipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-12-01");

    allocate(receipt, pledge, "100.00", "USD")
        .statusCode(422)
        .body("type", endsWith("/pledge-not-payable"));

    nothingWritten(receipt, pledge);
  }

  @Test
  void aWriteOffAfterAPartialPaymentLeavesThePaymentInPlace() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "500.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "200.00", "USD", "1997-10-15");
    allocate(receipt, pledge, "200.00", "USD").statusCode(201);

    ReceiptFixtures.writeOff(pledge);

    pledge(pledge)
        .body("status", equalTo("WRITTEN_OFF"))
        .body("paid.amount", equalTo("200.00"))
        .body("paidUsd.amount", equalTo("200.00"))
        .body("writtenOff.amount", equalTo("300.00"))
        .body("writtenOffUsd.amount", equalTo("300.00"))
        .body("outstanding.amount", equalTo("0.00"));
  }

  @Test
  void aPaidPledgeCannotBeCancelledAfterwards() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "30.00", "USD", "1997-10-15");
    allocate(receipt, pledge, "30.00", "USD").statusCode(201);

    given()
        .contentType(JSON)
        .body("{\"cancelledOn\":\"1997-11-01\"}")
        .when()
        .post("/pledges/" + pledge + "/cancellation")
        .then()
        .statusCode(422)
        .body("type", endsWith("/pledge-not-cancellable"));
  }

  @Test
  void anAllocationToAnUnknownPledgeIsRejected() {
    String receipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");

    allocate(receipt, UUID.randomUUID().toString(), "100.00", "USD")
        .statusCode(422)
        .body("type", endsWith("/unknown-pledge"));

    receipt(receipt).body("unallocated.amount", equalTo("100.00"));
  }

  @Test
  void anAllocationToAnUnknownReceiptIsNotFound() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");

    allocate(UUID.randomUUID().toString(), pledge, "100.00", "USD")
        .statusCode(404)
        .body("type", endsWith("/not-found"));

    assertThat(allocationsOf(pledge)).isZero();
  }

  @Test
  void anAllocationWithoutAPledgeIsABadRequest() {
    String receipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");

    allocate(
            receipt,
            "{\"amount\":{\"amount\":\"100.00\",\"currency\":\"USD\"}}",
            UUID.randomUUID().toString())
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("pledgeId"));

    receipt(receipt).body("unallocated.amount", equalTo("100.00"));
  }

  @Test
  void anAllocationWithANegativeAmountIsRefused() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");

    allocate(receipt, pledge, "-10.00", "USD")
        .statusCode(422)
        .body("type", endsWith("/amount-not-positive"));

    nothingWritten(receipt, pledge);
  }

  @Test
  void anAllocationWithoutAnIdempotencyKeyIsABadRequest() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");

    given()
        .contentType(JSON)
        .body(
            """
            {"pledgeId":"%s","amount":{"amount":"100.00","currency":"USD"}}"""
                .formatted(pledge))
        .when()
        .post("/receipts/" + receipt + "/allocations")
        .then()
        .statusCode(400)
        .body("type", endsWith("/idempotency-key-required"));

    nothingWritten(receipt, pledge);
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void donorCannotAllocateAReceipt() {
    String pledge = ReceiptFixtures.committedPledge(appeal, "NOR", "100.00", "USD");
    String receipt = ReceiptFixtures.receipt("NOR", "100.00", "USD", "1997-10-15");

    allocate(receipt, pledge, "100.00", "USD").statusCode(403);

    assertThat(allocationsOf(pledge)).isZero();
  }
}
