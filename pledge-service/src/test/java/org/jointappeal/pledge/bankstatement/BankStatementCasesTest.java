package org.jointappeal.pledge.bankstatement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.committedPledge;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.donorPayingFrom;
import static org.jointappeal.pledge.bankstatement.StatementFixtures.importing;
import static org.jointappeal.pledge.bankstatement.Statements.aCredit;
import static org.jointappeal.pledge.bankstatement.Statements.aStatement;
import static org.jointappeal.pledge.bankstatement.Statements.newIban;
import static org.jointappeal.pledge.bankstatement.Statements.newReference;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Donors;
import org.jointappeal.pledge.KafkaTestClient;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.jointappeal.pledge.events.PledgePaymentReversedV1;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * camt.053 as banks really send it: payer accounts that are not IBANs, a pledge reference naming
 * the payer, the unmatched queue registering a payer account, reversals, batch bookings and bank
 * charges. Pledges at 7.46 NOK per USD (July 1997), credits of 15 October 1997 at 7.10.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class BankStatementCasesTest {

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

  /** A US routing number and account, as US banks print them; unique per test. */
  private static String usAccount() {
    return "021000021-" + (100000000 + ThreadLocalRandom.current().nextInt(899999999));
  }

  /** A donor registered through the API with a non-IBAN account; returns its code. */
  private static String donorWithAccount(String scheme, String identifier) {
    String code = Donors.uniqueOrganisationCode();
    given()
        .contentType("application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"code":"%s","name":"A donor without IBANs","kind":"ORGANISATION","ibans":[],
             "accounts":[{"scheme":"%s","identifier":"%s"}]}"""
                .formatted(code, scheme, identifier))
        .when()
        .post("/donors")
        .then()
        .statusCode(201)
        .body("accounts[0].scheme", equalTo(scheme))
        .body("accounts[0].identifier", equalTo(identifier.replace("-", "")));
    return code;
  }

  private static ValidatableResponse pledge(String pledgeId) {
    return given().when().get("/pledges/" + pledgeId).then().statusCode(200);
  }

  private static JsonPath receipt(String receiptId) {
    return given().when().get("/receipts/" + receiptId).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aDonorIsRegisteredWithAnAccountThatIsNotAnIbanAndItsCreditIsIdentifiedByIt() {
    String account = usAccount();
    String usDonor = donorWithAccount("USABA", account);
    String pledge = committedPledge(appeal, usDonor, "1000.00", "USD");

    importing(
            aStatement()
                .with(aCredit("1000.00", "USD").fromOther("USABA", account).ustrd("CIS 1997"))
                .xml())
        .statusCode(201)
        .body("entries[0].donorCode", equalTo(usDonor))
        .body("entries[0].matching", equalTo("AUTO_MATCHED"))
        .body("entries[0].pledgeId", equalTo(pledge));
  }

  @Test
  void anAccountGivenWithoutSchemeMatchesTheOneDonorHoldingItsIdentifier() {
    String account = usAccount();
    String usDonor = donorWithAccount("USABA", account);

    importing(aStatement().with(aCredit("10.00", "USD").fromOther(null, account)).xml())
        .statusCode(201)
        .body("entries[0].donorCode", equalTo(usDonor));
  }

  @Test
  void anAccountOfAnotherDonorIsRefused() {
    String account = usAccount();
    String first = donorWithAccount("USABA", account);

    given()
        .contentType("application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"code":"%s","name":"Another","kind":"ORGANISATION","ibans":[],
             "accounts":[{"scheme":"USABA","identifier":"%s"}]}"""
                .formatted(Donors.uniqueOrganisationCode(), account))
        .when()
        .post("/donors")
        .then()
        .statusCode(422)
        .body("type", containsString("/account-of-another-donor"))
        .body("detail", containsString(first));
  }

  @Test
  void aMalformedAccountIdentifierIsRefusedNamingNoNumber() {
    given()
        .contentType("application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"code":"%s","name":"Another","kind":"ORGANISATION","ibans":[],
             "accounts":[{"scheme":"USABA","identifier":"0210!00021"}]}"""
                .formatted(Donors.uniqueOrganisationCode()))
        .when()
        .post("/donors")
        .then()
        .statusCode(422)
        .body("type", containsString("/invalid-payer-account"))
        .body("detail", containsString("ending 0021"));
  }

  @Test
  void anUnknownAccountNamingAPledgeIdentifiesItsDonorByThatPledge() {
    String pledge = committedPledge(appeal, donor, "1000.00", "USD");

    importing(
            aStatement()
                .with(aCredit("1000.00", "USD").fromOther("USABA", usAccount()).endToEndId(pledge))
                .xml())
        .statusCode(201)
        .body("entries[0].donorCode", equalTo(donor))
        .body("entries[0].matching", equalTo("AUTO_MATCHED"))
        .body("entries[0].pledgeId", equalTo(pledge));

    pledge(pledge).body("status", equalTo("PAID"));
  }

  @Test
  void theUnmatchedQueueRegistersThePayerAccountAndTheNextCreditIsIdentifiedByIt() {
    String account = usAccount();
    String entry =
        importing(aStatement().with(aCredit("20.00", "USD").fromOther("USABA", account)).xml())
            .statusCode(201)
            .body("entries[0].matching", equalTo("UNIDENTIFIED"))
            .extract()
            .path("entries[0].id");
    given()
        .when()
        .get("/unmatched-receipts/" + entry)
        .then()
        .statusCode(200)
        .body("payerAccount.scheme", equalTo("USABA"))
        .body("payerAccountRegistrable", equalTo(true));

    given()
        .contentType("application/json")
        .body("{\"donorCode\":\"" + donor + "\"}")
        .when()
        .post("/unmatched-receipts/" + entry + "/payer-account")
        .then()
        .statusCode(200)
        .body("matching", equalTo("UNMATCHED"))
        .body("donorCode", equalTo(donor))
        .body("payerAccountRegistrable", equalTo(false));

    given()
        .when()
        .get("/donors/" + donor)
        .then()
        .statusCode(200)
        .body("accounts.identifier", contains(account.replace("-", "")));
    importing(aStatement().with(aCredit("30.00", "USD").fromOther("USABA", account)).xml())
        .statusCode(201)
        .body("entries[0].donorCode", equalTo(donor));
  }

  @Test
  void registeringAnAccountFromAnEntryWithoutOneIsRefused() {
    String entry =
        importing(aStatement().with(aCredit("20.00", "USD")).xml())
            .statusCode(201)
            .extract()
            .path("entries[0].id");

    given()
        .contentType("application/json")
        .body("{\"donorCode\":\"" + donor + "\"}")
        .when()
        .post("/unmatched-receipts/" + entry + "/payer-account")
        .then()
        .statusCode(422)
        .body("type", containsString("/no-payer-account"));
  }

  @Test
  void aReversalUndoesTheCreditsAllocationAsOfItsBookingDate() {
    String pledge = committedPledge(appeal, donor, "746000.00", "NOK");
    var credit = aCredit("746000.00", "NOK").from(payerIban).endToEndId(pledge);
    String receiptId =
        importing(aStatement().with(credit).xml())
            .statusCode(201)
            .body("entries[0].matching", equalTo("AUTO_MATCHED"))
            .extract()
            .path("entries[0].receiptId");
    pledge(pledge).body("status", equalTo("PAID"));

    importing(
            aStatement()
                .with(
                    aCredit("746000.00", "NOK")
                        .reversal()
                        .naming(credit.reference())
                        .bookedOn("1997-10-20"))
                .xml())
        .statusCode(201)
        .body("summary.reversals", equalTo(1))
        .body("summary.debitsIgnored", equalTo(0));

    pledge(pledge)
        .body("status", equalTo("COMMITTED"))
        .body("paid.amount", equalTo("0.00"))
        .body("paidUsd.amount", equalTo("0.00"))
        .body("instalments[0].status", equalTo("PENDING"));
    var receipt = receipt(receiptId);
    assertThat(receipt.getString("status")).isEqualTo("REVERSED");
    assertThat(receipt.getString("reversedOn")).isEqualTo("1997-10-20");
    assertThat(receipt.getString("allocations[0].reversedOn")).isEqualTo("1997-10-20");
    // as of a day before the reversal the money was paid; as of its booking date it is not
    given()
        .queryParam("asOf", "1997-10-19")
        .when()
        .get("/reconciliation/appeals/" + appeal)
        .then()
        .statusCode(200)
        .body("rows[0].usd.received.amount", equalTo("105070.42"));
    given()
        .queryParam("asOf", "1997-10-20")
        .when()
        .get("/reconciliation/appeals/" + appeal)
        .then()
        .statusCode(200)
        .body("rows[0].usd.received.amount", equalTo("0.00"))
        .body("rows[0].usd.outstanding.amount", equalTo("100000.00"));
    var published =
        KafkaTestClient.readUntil(
            "pledge-events",
            r ->
                PledgePaymentReversedV1.TYPE.equals(KafkaTestClient.header(r, "ce_type"))
                    && r.value().contains(pledge),
            Duration.ofSeconds(20));
    assertThat(published.get(published.size() - 1).value())
        .contains("\"occurredOn\":\"1997-10-20\"");
  }

  @Test
  void aDebitNamingACreditsEndToEndIdReversesIt() {
    String pledge = committedPledge(appeal, donor, "1000.00", "USD");
    String endToEnd = "E2E-" + UUID.randomUUID().toString().substring(0, 12);
    importing(
            aStatement()
                .with(aCredit("600.00", "USD").from(payerIban).endToEndId(endToEnd + " " + pledge))
                .xml())
        .statusCode(201)
        .body("entries[0].matching", equalTo("AUTO_MATCHED"));

    importing(
            aStatement()
                .with(
                    aCredit("600.00", "USD")
                        .debit()
                        .endToEndId(endToEnd + " " + pledge)
                        .bookedOn("1997-10-21"))
                .xml())
        .statusCode(201)
        .body("summary.reversals", equalTo(1));

    pledge(pledge).body("status", equalTo("COMMITTED")).body("paid.amount", equalTo("0.00"));
  }

  @Test
  void anOrdinaryDebitReversesNothing() {
    String pledge = committedPledge(appeal, donor, "1000.00", "USD");
    importing(aStatement().with(aCredit("600.00", "USD").from(payerIban).endToEndId(pledge)).xml())
        .statusCode(201);

    importing(aStatement().with(aCredit("600.00", "USD").debit().naming(newReference())).xml())
        .statusCode(201)
        .body("summary.reversals", equalTo(0))
        .body("summary.debitsIgnored", equalTo(1));

    pledge(pledge).body("paid.amount", equalTo("600.00"));
  }

  @Test
  void aBatchEntryGivesOneReceiptPerTransaction() {
    String otherIban = newIban();
    String other = donorPayingFrom(otherIban);
    String first = committedPledge(appeal, donor, "300.00", "USD");
    String second = committedPledge(appeal, other, "700.00", "USD");

    var view =
        importing(
                aStatement()
                    .with(
                        aCredit("1000.00", "USD")
                            .transaction("300.00", "USD", payerIban, first)
                            .transaction("700.00", "USD", otherIban, second))
                    .xml())
            .statusCode(201)
            .body("summary.receiptsCreated", equalTo(2))
            .body("summary.autoMatched", equalTo(2))
            .extract()
            .jsonPath();

    assertThat(view.getList("entries.transactionIndex", Integer.class)).containsExactly(1, 2);
    assertThat(view.getList("entries.donorCode", String.class)).containsExactly(donor, other);
    assertThat(view.getList("entries.amount.amount", String.class))
        .containsExactly("300.00", "700.00");
    pledge(first).body("status", equalTo("PAID"));
    pledge(second).body("status", equalTo("PAID"));
  }

  @Test
  void aBatchWhoseTransactionsDoNotAddUpToTheEntryIsRefused() {
    importing(
            aStatement()
                .with(
                    aCredit("1000.00", "USD")
                        .transaction("300.00", "USD", payerIban, "A")
                        .transaction("600.00", "USD", payerIban, "B"))
                .xml())
        .statusCode(422)
        .body("type", containsString("/invalid-bank-statement"))
        .body("detail", containsString("add up to 900.00"));
  }

  @Test
  void chargesAppearOnTheReceiptAndTheQueueSuggestsWritingOffTheShortfall() {
    // two open pledges of the same amount: no confident match, the credit waits
    committedPledge(appeal, donor, "500000.00", "NOK");
    committedPledge(appeal, donor, "500000.00", "NOK");

    var entry =
        importing(
                aStatement()
                    .with(aCredit("499850.00", "NOK").from(payerIban).charges("150.00", "NOK"))
                    .xml())
            .statusCode(201)
            .body("entries[0].matching", equalTo("UNMATCHED"))
            .body("entries[0].charges.amount", equalTo("150.00"))
            .extract()
            .jsonPath();

    assertThat(receipt(entry.getString("entries[0].receiptId")).getString("charges.amount"))
        .isEqualTo("150.00");
    given()
        .when()
        .get("/unmatched-receipts/" + entry.getString("entries[0].id"))
        .then()
        .statusCode(200)
        .body("charges.currency", equalTo("NOK"))
        .body("suggestions[0].amountToAllocate.amount", equalTo("499850.00"))
        .body("suggestions[0].suggestedWriteOff.amount", equalTo("150.00"))
        .body("suggestions[1].suggestedWriteOff.amount", equalTo("150.00"));
  }

  @Test
  void aShortfallBeyondTheChargesIsNotSuggestedForWriteOff() {
    committedPledge(appeal, donor, "500000.00", "NOK");
    committedPledge(appeal, donor, "500000.00", "NOK");

    String entry =
        importing(
                aStatement()
                    .with(aCredit("499000.00", "NOK").from(payerIban).charges("150.00", "NOK"))
                    .xml())
            .statusCode(201)
            .extract()
            .path("entries[0].id");

    given()
        .when()
        .get("/unmatched-receipts/" + entry)
        .then()
        .statusCode(200)
        .body("suggestions[0].suggestedWriteOff", nullValue());
  }
}
