package org.jointappeal.pledge.bankstatement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.committedPledge;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.donorPayingFrom;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.importing;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.money;
import static org.jointappeal.pledge.bankstatement.Statements.aCredit;
import static org.jointappeal.pledge.bankstatement.Statements.aStatement;
import static org.jointappeal.pledge.bankstatement.Statements.newIban;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.jointappeal.pledge.pledge.InstalmentRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Importing camt.053 statements: receipts from booked credits, matching by reference or by amount,
 * the unmatched queue, repeated and overlapping statements. Pledges are valued at 7.46 NOK per USD
 * (July 1997), credits of 15 October 1997 at 7.10.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class BankStatementImportTest {

  @Inject TestClock clock;

  String appeal;
  String payerIban;
  String donor;

  @BeforeEach
  void launchedAppealRatesAndADonorWithAnIban() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    StatementFixtures.rate("NOK", "1997-07-01", "7.4600");
    StatementFixtures.rate("NOK", "1997-10-01", "7.1000");
    payerIban = newIban();
    donor = donorPayingFrom(payerIban);
  }

  private static ValidatableResponse pledge(String pledgeId) {
    return given().when().get("/pledges/" + pledgeId).then().statusCode(200);
  }

  private static JsonPath receipt(String receiptId) {
    return given().when().get("/receipts/" + receiptId).then().statusCode(200).extract().jsonPath();
  }

  /** The unmatched queue's view of one entry, with its suggestions. */
  private static ValidatableResponse waiting(String entryId) {
    return given().when().get("/unmatched-receipts/" + entryId).then().statusCode(200);
  }

  /** The whole queue, page after page (other tests' credits wait in it too). */
  private static List<String> waitingIds() {
    return org.jointappeal.pledge.Pages.values("/unmatched-receipts?limit=1000", "id");
  }

  @Test
  void aPledgeIdInEndToEndIdAllocatesTheCreditToThatPledge() {
    String pledge = committedPledge(appeal, donor, "1492000.00", "NOK");
    var statement =
        aStatement().with(aCredit("746000.00", "NOK").from(payerIban).endToEndId(pledge));

    importing(statement.xml())
        .statusCode(201)
        .header("Location", containsString("/bank-statements/"))
        .body("statementId", equalTo(statement.id()))
        .body("summary.credits", equalTo(1))
        .body("summary.receiptsCreated", equalTo(1))
        .body("summary.autoMatched", equalTo(1))
        .body("summary.unmatched", equalTo(0))
        .body("entries[0].matching", equalTo("AUTO_MATCHED"))
        .body("entries[0].pledgeId", equalTo(pledge))
        .body("entries[0].donorCode", equalTo(donor));

    pledge(pledge)
        .body("status", equalTo("PARTIALLY_PAID"))
        .body("paid.amount", equalTo("746000.00"));
  }

  @Test
  void aPledgeIdInUnstructuredRemittanceAllocatesTheCredit() {
    String pledge = committedPledge(appeal, donor, "100000.00", "USD");

    importing(
            aStatement()
                .with(
                    aCredit("25000.00", "USD")
                        .from(payerIban)
                        .ustrd("1st instalment pledge " + pledge.toUpperCase() + " CIS 1997"))
                .xml())
        .statusCode(201)
        .body("entries[0].matching", equalTo("AUTO_MATCHED"))
        .body("entries[0].pledgeId", equalTo(pledge));

    pledge(pledge).body("paid.amount", equalTo("25000.00"));
  }

  @Test
  void anAgreementReferenceInAStructuredCreditorReferenceAllocatesTheCredit() {
    String pledge = committedPledge(appeal, donor, "100000.00", "USD");

    importing(
            aStatement()
                .with(
                    aCredit("100000.00", "USD")
                        .from(payerIban)
                        .creditorReference(StatementFixtures.agreementOf(pledge)))
                .xml())
        .statusCode(201)
        .body("entries[0].matching", equalTo("AUTO_MATCHED"))
        .body("entries[0].pledgeId", equalTo(pledge));

    pledge(pledge).body("status", equalTo("PAID"));
  }

  @Test
  void aCreditNamingAPaidPledgesAgreementWaitsThoughAnotherPledgeMatchesItsAmount() {
    String paid = committedPledge(appeal, donor, "100000.00", "USD");
    String agreement = StatementFixtures.agreementOf(paid);
    importing(
            aStatement()
                .with(aCredit("100000.00", "USD").from(payerIban).creditorReference(agreement))
                .xml())
        .statusCode(201)
        .body("entries[0].pledgeId", equalTo(paid));
    String other = committedPledge(appeal, donor, "100000.00", "USD");

    // the donor's treasury paid the same agreement twice: that is for a person to sort out
    String entry =
        importing(
                aStatement()
                    .with(aCredit("100000.00", "USD").from(payerIban).creditorReference(agreement))
                    .xml())
            .statusCode(201)
            .body("summary.autoMatched", equalTo(0))
            .body("entries[0].matching", equalTo("UNMATCHED"))
            .extract()
            .path("entries[0].id");

    waiting(entry)
        .body("suggestions.pledgeId", contains(other, paid))
        .body("suggestions.reason", contains("AMOUNT", "REFERENCE"))
        .body("suggestions[1].allocatable", equalTo(false))
        .body("suggestions[1].detail", equalTo("the pledge is PAID"));
    pledge(other).body("paid.amount", equalTo("0.00"));
  }

  @Test
  void aCreditNamingTwoPledgesWaitsWithBothSuggested() {
    String byId = committedPledge(appeal, donor, "100000.00", "USD");
    String byAgreement = committedPledge(appeal, donor, "100000.00", "USD");

    String entry =
        importing(
                aStatement()
                    .with(
                        aCredit("100000.00", "USD")
                            .from(payerIban)
                            .endToEndId(byId)
                            .creditorReference(StatementFixtures.agreementOf(byAgreement)))
                    .xml())
            .statusCode(201)
            .body("summary.autoMatched", equalTo(0))
            .body("entries[0].matching", equalTo("UNMATCHED"))
            .extract()
            .path("entries[0].id");

    waiting(entry)
        .body("suggestions.pledgeId", containsInAnyOrder(byId, byAgreement))
        .body("suggestions.reason", contains("REFERENCE", "REFERENCE"))
        .body("suggestions.outstanding.amount", contains("100000.00", "100000.00"));
  }

  @Test
  void anAmountWithinToleranceOfTheDonorsOnlyOpenPledgeAllocatesTheCredit() {
    String pledge = committedPledge(appeal, donor, "100000.00", "USD");

    // 1.5 % short: the donor's bank kept its charges
    importing(aStatement().with(aCredit("98500.00", "USD").from(payerIban)).xml())
        .statusCode(201)
        .body("summary.autoMatched", equalTo(1))
        .body("entries[0].pledgeId", equalTo(pledge));

    pledge(pledge)
        .body("status", equalTo("PARTIALLY_PAID"))
        .body("paid.amount", equalTo("98500.00"))
        .body("outstanding.amount", equalTo("1500.00"));
  }

  @Test
  void aCreditAboveTheOutstandingAmountAllocatesWhatIsOwedAndKeepsTheRestAsCredit() {
    String pledge = committedPledge(appeal, donor, "100000.00", "USD");

    String receiptId =
        importing(aStatement().with(aCredit("101000.00", "USD").from(payerIban)).xml())
            .statusCode(201)
            .body("entries[0].matching", equalTo("AUTO_MATCHED"))
            .extract()
            .path("entries[0].receiptId");

    pledge(pledge).body("status", equalTo("PAID"));
    var receipt = receipt(receiptId);
    assertThat(receipt.getString("unallocated.amount")).isEqualTo("1000.00");
    assertThat(receipt.getString("status")).isEqualTo("PARTIALLY_ALLOCATED");
    assertThat(receipt.getString("source")).isEqualTo("BANK_STATEMENT");
  }

  @Test
  void anAmountOutsideToleranceWaitsUnmatchedWithoutSuggestions() {
    String pledge = committedPledge(appeal, donor, "100000.00", "USD");

    String entry =
        importing(aStatement().with(aCredit("97000.00", "USD").from(payerIban)).xml())
            .statusCode(201)
            .body("summary.receiptsCreated", equalTo(1))
            .body("summary.autoMatched", equalTo(0))
            .body("summary.unmatched", equalTo(1))
            .body("entries[0].matching", equalTo("UNMATCHED"))
            .body("entries[0].pledgeId", nullValue())
            .extract()
            .path("entries[0].id");

    waiting(entry)
        .body("matching", equalTo("UNMATCHED"))
        .body("donorCode", equalTo(donor))
        .body("suggestions", empty());
    pledge(pledge).body("paid.amount", equalTo("0.00"));
  }

  @Test
  void anAmountMatchingOneInstalmentAllocatesToThatInstalment() {
    String pledge =
        committedPledge(
            appeal,
            donor,
            "300000.00",
            "USD",
            List.of(
                new InstalmentRequest(LocalDate.parse("1997-09-30"), money("100000.00", "USD")),
                new InstalmentRequest(LocalDate.parse("1997-12-31"), money("200000.00", "USD"))));

    importing(aStatement().with(aCredit("199000.00", "USD").from(payerIban)).xml())
        .statusCode(201)
        .body("entries[0].matching", equalTo("AUTO_MATCHED"));

    pledge(pledge)
        .body("instalments.paid.amount", contains("0.00", "199000.00"))
        .body("instalments.status", contains("PENDING", "PARTIALLY_PAID"));
  }

  @Test
  void aLongStatementPaysAPledgeOnlyWhatItOwesWhenItsCreditsStraddleTheSessionsFlushes() {
    // four instalments of 250.00: each credit of 250.00 matches the next open one by amount
    var quarters = new ArrayList<InstalmentRequest>();
    for (int q = 1; q <= 4; q++) {
      quarters.add(
          new InstalmentRequest(LocalDate.parse("1997-12-31").plusDays(q), money("250.00", "USD")));
    }
    String pledge = committedPledge(appeal, donor, "1000.00", "USD", quarters);
    // 250 entries are imported in the background, written a chunk of 100 at a time (the test
    // profile): credits 99 to 103 pay the pledge on both sides of a chunk's end; the fifth finds it
    // paid and waits
    var statement = aStatement();
    String stranger = newIban();
    for (int position = 1; position <= 250; position++) {
      statement.with(
          position >= 99 && position <= 103
              ? aCredit("250.00", "USD").from(payerIban)
              : aCredit("10.00", "USD").from(stranger));
    }

    StatementFixtures.importedInTheBackground(statement.xml())
        .body("status", equalTo("IMPORTED"))
        .body("summary.entries", equalTo(250))
        .body("summary.credits", equalTo(250))
        .body("summary.receiptsCreated", equalTo(5))
        .body("summary.autoMatched", equalTo(4))
        .body("summary.unmatched", equalTo(246))
        .body("entries", hasSize(250))
        .body("entries[97].matching", equalTo("UNIDENTIFIED"))
        .body(
            "entries[98..102].matching",
            contains("AUTO_MATCHED", "AUTO_MATCHED", "AUTO_MATCHED", "AUTO_MATCHED", "UNMATCHED"));

    pledge(pledge)
        .body("status", equalTo("PAID"))
        .body("paid.amount", equalTo("1000.00"))
        .body("instalments.status", contains("PAID", "PAID", "PAID", "PAID"));
  }

  @Test
  void twoCandidatePledgesLeaveTheCreditUnmatchedWithTwoSuggestions() {
    String first = committedPledge(appeal, donor, "50000.00", "USD");
    String second = committedPledge(appeal, donor, "50500.00", "USD");

    String entry =
        importing(aStatement().with(aCredit("50000.00", "USD").from(payerIban)).xml())
            .statusCode(201)
            .body("summary.autoMatched", equalTo(0))
            .body("summary.unmatched", equalTo(1))
            .extract()
            .path("entries[0].id");

    waiting(entry)
        .body("suggestions", hasSize(2))
        // the exact amount first
        .body("suggestions.pledgeId", contains(first, second))
        .body("suggestions.reason", contains("AMOUNT", "AMOUNT"))
        .body("suggestions.score", contains(90, 80))
        .body("suggestions.allocatable", contains(true, true))
        .body("suggestions[0].amountToAllocate.amount", equalTo("50000.00"));
    pledge(first).body("paid.amount", equalTo("0.00"));
    pledge(second).body("paid.amount", equalTo("0.00"));
  }

  @Test
  void anUnknownPayerIbanWaitsUnidentifiedWithoutAReceipt() {
    long receiptsBefore = Db.count("select count(*) from receipt");
    String stranger = newIban();

    String entry =
        importing(aStatement().with(aCredit("1000.00", "USD").from(stranger)).xml())
            .statusCode(201)
            .body("summary.receiptsCreated", equalTo(0))
            .body("summary.unmatched", equalTo(1))
            .body("entries[0].matching", equalTo("UNIDENTIFIED"))
            .body("entries[0].receiptId", nullValue())
            .extract()
            .path("entries[0].id");

    assertThat(Db.count("select count(*) from receipt")).isEqualTo(receiptsBefore);
    waiting(entry)
        .body("matching", equalTo("UNIDENTIFIED"))
        .body("payerIban", equalTo(stranger))
        .body("donorCode", nullValue());
  }

  @Test
  void anUnidentifiedCreditGetsItsReceiptWhenTheDonorIsNamedAndLeavesTheQueueWhenAllocated() {
    String pledge = committedPledge(appeal, donor, "1000.00", "USD");
    String entry =
        importing(
                aStatement()
                    .with(
                        aCredit("1000.00", "USD")
                            .from(newIban())
                            .creditorReference(StatementFixtures.agreementOf(pledge)))
                    .xml())
            .statusCode(201)
            // an agreement reference is read among the payer's pledges only: no payer, no pledge
            .body("entries[0].matching", equalTo("UNIDENTIFIED"))
            .extract()
            .path("entries[0].id");

    String receiptId =
        given()
            .contentType("application/json")
            .body("{\"donorCode\":\"" + donor + "\"}")
            .when()
            .post("/unmatched-receipts/" + entry + "/donor-assignment")
            .then()
            .statusCode(200)
            .body("matching", equalTo("UNMATCHED"))
            .body("donorCode", equalTo(donor))
            .body("suggestions[0].pledgeId", equalTo(pledge))
            .body("suggestions[0].reason", equalTo("REFERENCE"))
            .extract()
            .path("receiptId");
    assertThat(waitingIds()).contains(entry);

    given()
        .contentType("application/json")
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .body(
            """
            {"pledgeId":"%s","amount":{"amount":"1000.00","currency":"USD"}}"""
                .formatted(pledge))
        .when()
        .post("/receipts/" + receiptId + "/allocations")
        .then()
        .statusCode(201);

    assertThat(waitingIds()).doesNotContain(entry);
    given().when().get("/unmatched-receipts/" + entry).then().statusCode(404);
  }

  @Test
  void namingAnotherDonorForACreditThatHasOneIsAStateConflict() {
    committedPledge(appeal, donor, "100000.00", "USD");
    String entry =
        importing(aStatement().with(aCredit("10.00", "USD").from(payerIban)).xml())
            .statusCode(201)
            .extract()
            .path("entries[0].id");
    long receipts = Db.count("select count(*) from receipt");

    given()
        .contentType("application/json")
        .body("{\"donorCode\":\"ZZZ\"}")
        .when()
        .post("/unmatched-receipts/" + entry + "/donor-assignment")
        .then()
        .statusCode(409)
        .body("type", containsString("/state-conflict"))
        .body("detail", containsString("already has donor " + donor));

    given()
        .contentType("application/json")
        .body("{\"donorCode\":\"" + donor + "\"}")
        .when()
        .post("/unmatched-receipts/" + entry + "/donor-assignment")
        .then()
        .statusCode(200)
        .body("donorCode", org.hamcrest.Matchers.equalTo(donor));

    assertThat(Db.count("select count(*) from receipt")).isEqualTo(receipts);
  }

  @Test
  void debitsAndPendingEntriesAreCountedAndIgnored() {
    long receiptsBefore = Db.count("select count(*) from receipt");

    importing(
            aStatement()
                .with(
                    aCredit("500.00", "USD").from(payerIban).debit(),
                    aCredit("700.00", "USD").from(payerIban).pending(),
                    aCredit("900.00", "USD").from(payerIban).statusAsCode())
                .xml())
        .statusCode(201)
        .body("summary.entries", equalTo(3))
        .body("summary.credits", equalTo(1))
        .body("summary.debitsIgnored", equalTo(1))
        .body("summary.notBookedIgnored", equalTo(1))
        .body("summary.receiptsCreated", equalTo(1))
        .body("entries.amount.amount", contains("900.00"));

    assertThat(Db.count("select count(*) from receipt")).isEqualTo(receiptsBefore + 1);
  }

  @Test
  void importingTheSameStatementAgainAnswersWithTheFirstImportAndWritesNothing() {
    committedPledge(appeal, donor, "100000.00", "USD");
    String xml = aStatement().with(aCredit("100000.00", "USD").from(payerIban)).xml();
    var first = importing(xml).statusCode(201).extract();
    var rowsAfterFirst = StatementFixtures.writtenRows();

    var again = importing(xml).statusCode(200).extract();

    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
    assertThat(StatementFixtures.writtenRows()).isEqualTo(rowsAfterFirst);
  }

  @Test
  void anOverlappingStatementSkipsTheEntriesAnEarlierOneBrought() {
    var monday = aCredit("100.00", "USD").from(payerIban);
    var tuesday = aCredit("200.00", "USD").from(payerIban);
    importing(aStatement().with(monday).xml()).statusCode(201);
    long receiptsBefore = Db.count("select count(*) from receipt");

    importing(aStatement().with(monday, tuesday).xml())
        .statusCode(201)
        .body("summary.credits", equalTo(2))
        .body("summary.duplicatesSkipped", equalTo(1))
        .body("summary.receiptsCreated", equalTo(1))
        .body("entries.entryReference", contains(tuesday.reference()));

    assertThat(Db.count("select count(*) from receipt")).isEqualTo(receiptsBefore + 1);
  }

  @Test
  void anAutomaticAllocationRecordsTheExchangeGainToTheCent() {
    String pledge = committedPledge(appeal, donor, "1492000.00", "NOK");

    String receiptId =
        importing(
                aStatement()
                    .with(aCredit("746000.00", "NOK").from(payerIban).endToEndId(pledge))
                    .xml())
            .statusCode(201)
            .extract()
            .path("entries[0].receiptId");

    var receipt = receipt(receiptId);
    // 746 000 / 7.10 = 105 070.4225... -> 105 070.42; at the pledge's 7.46: 100 000.00
    assertThat(receipt.getString("usdValue.amount")).isEqualTo("105070.42");
    assertThat(receipt.getString("allocations[0].usdAmount.amount")).isEqualTo("105070.42");
    assertThat(receipt.getString("allocations[0].pledgeRateUsd.amount")).isEqualTo("100000.00");
    assertThat(receipt.getString("allocations[0].exchangeGainLoss.amount")).isEqualTo("5070.42");
    pledge(pledge).body("paidUsd.amount", equalTo("105070.42"));
  }

  @Test
  void aCreditInAnotherCurrencyNearThePledgesUsdValueIsOnlySuggested() {
    // NOK 746 000 at 7.46 = USD 100 000.00; USD 99 000 is 1 % away in USD
    String pledge = committedPledge(appeal, donor, "746000.00", "NOK");

    String entry =
        importing(aStatement().with(aCredit("99000.00", "USD").from(payerIban)).xml())
            .statusCode(201)
            .body("entries[0].matching", equalTo("UNMATCHED"))
            .extract()
            .path("entries[0].id");

    given()
        .when()
        .get("/unmatched-receipts/" + entry)
        .then()
        .body("suggestions.pledgeId", contains(pledge))
        .body("suggestions.reason", contains("AMOUNT_IN_USD"))
        .body("suggestions.allocatable", contains(false));
  }

  @Test
  void importingPublishesReceiptRecordedAndAllocatedKeyedByTheDonor() {
    String pledge = committedPledge(appeal, donor, "100.00", "USD");

    String receiptId =
        importing(
                aStatement()
                    .with(aCredit("100.00", "USD").from(payerIban).endToEndId(pledge))
                    .xml())
            .statusCode(201)
            .extract()
            .path("entries[0].receiptId");

    assertThat(
            Db.column(
                "select type || ' ' || record_key from outbox_event where subject = ? order by seq",
                receiptId))
        .containsExactly(
            "org.jointappeal.receipt.recorded.v1 " + donor,
            "org.jointappeal.receipt.allocated.v1 " + donor);
    assertThat(
            Db.column(
                "select payload from outbox_event where subject = ? and type = ?",
                receiptId,
                "org.jointappeal.receipt.allocated.v1"))
        .singleElement()
        .asString()
        .contains("\"status\":\"ALLOCATED\"")
        .contains("\"source\":\"BANK_STATEMENT\"")
        .doesNotContain("REF-");
  }

  @Test
  void statementsAreListedAndReadBack() {
    var statement = aStatement().with(aCredit("10.00", "USD").from(payerIban));
    String id = importing(statement.xml()).statusCode(201).extract().path("id");

    given()
        .when()
        .get("/bank-statements/" + id)
        .then()
        .statusCode(200)
        .body("statementId", equalTo(statement.id()))
        .body("accountIban", equalTo(Statements.OUR_ACCOUNT))
        .body("importedBy", equalTo("finance"));
    assertThat(org.jointappeal.pledge.Pages.<String>values("/bank-statements?limit=1000", "id"))
        .contains(id);
  }

  @Test
  void anUnknownStatementIsNotFound() {
    given()
        .when()
        .get("/bank-statements/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
