package org.jointappeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Money in pledge-service as banks really send it (issue #16), with real tokens on the running
 * platform: ageing as of a date, a receipt split over instalments, a camt.053 credit from an
 * account that is not an IBAN, a reversal, a batch booking. Each case has its own appeal and
 * donors. The rates are the shared table's (NOK 7.46, CHF 1.46 for July and October 1997, as
 * Scenario1997IT loads them); December 1997's NOK rate is recorded at the same 7.46 (illustrative).
 */
class BankStatementCasesIT {

  private static final Duration PROPAGATION = Duration.ofSeconds(90);

  @BeforeAll
  static void rates() {
    for (String month : List.of("1997-07-01", "1997-10-01", "1997-12-01")) {
      rate("NOK", month, "7.46");
    }
    for (String month : List.of("1997-07-01", "1997-10-01")) {
      rate("CHF", month, "1.46");
    }
  }

  @Test
  void anInstalmentPaidLateAgesAsOfADateBeforeItsPayment() {
    String appeal = Fixtures.appealOpenForPledges();
    String donor = Fixtures.donor();
    String pledge =
        committed(
            appeal,
            donor,
            "500000.00",
            "NOK",
            "[{\"dueOn\":\"1997-09-30\",\"amount\":{\"amount\":\"500000.00\",\"currency\":\"NOK\"}}]");
    String receipt = receipt(donor, "500000.00", "NOK", "1997-12-20");
    allocate(receipt, pledge, "500000.00", "NOK", null);

    // 30 September to 30 November: 61 days past due, unpaid then
    var asOfNovember = reconciliation(appeal, "?asOf=1997-11-30");
    assertThat(asOfNovember.getString(row(donor) + ".original[0].overdue.days61To90.amount"))
        .isEqualTo("500000.00");
    assertThat(asOfNovember.getString(row(donor) + ".usd.overdue.days61To90.amount"))
        .isEqualTo("67024.13");
    assertThat(asOfNovember.getString(row(donor) + ".usd.received.amount")).isEqualTo("0.00");
    // paid on 20 December: nothing overdue any more
    var asOfYearEnd = reconciliation(appeal, "?asOf=1997-12-31");
    assertThat(asOfYearEnd.getString(row(donor) + ".usd.overdue.total.amount")).isEqualTo("0.00");
    assertThat(asOfYearEnd.getString(row(donor) + ".usd.received.amount")).isEqualTo("67024.13");
  }

  @Test
  void aReceiptSplitOverThreeInstalmentsCountsItsOwnUsdValue() {
    String appeal = Fixtures.appealOpenForPledges();
    String donor = Fixtures.donor();
    String pledge =
        committed(
            appeal,
            donor,
            "100.00",
            "CHF",
            """
            [{"dueOn":"1997-09-30","amount":{"amount":"33.33","currency":"CHF"}},
             {"dueOn":"1997-10-31","amount":{"amount":"33.33","currency":"CHF"}},
             {"dueOn":"1997-11-30","amount":{"amount":"33.34","currency":"CHF"}}]""");
    String receipt = receipt(donor, "100.00", "CHF", "1997-10-15");
    allocate(receipt, pledge, "33.33", "CHF", 1);
    allocate(receipt, pledge, "33.33", "CHF", 2);
    allocate(receipt, pledge, "33.34", "CHF", 3);

    // CHF 100.00 at 1.46 is USD 68.49 however it is split (each part on its own: 68.50)
    assertThat(
            Api.as("finance", "pledge-service")
                .get("/receipts/" + receipt)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("allocations.usdAmount.amount", String.class))
        .containsExactly("22.83", "22.83", "22.83");
    assertThat(reconciliation(appeal, "").getString(row(donor) + ".usd.received.amount"))
        .isEqualTo("68.49");
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () -> assertThat(funding(appeal, "").getString("paid.amount")).isEqualTo("68.49"));
  }

  @Test
  void aCreditFromAnAccountThatIsNotAnIbanIsMatchedByItsPledgeReference() {
    String appeal = Fixtures.appealOpenForPledges();
    String donor = Fixtures.donor();
    String pledge = committed(appeal, donor, "2500.00", "USD", null);
    String account = "026009593-" + (100000 + new java.util.Random().nextInt(899999));

    var view =
        importStatement(
            credit("2500.00", "USD", "1997-10-15", reference(), "")
                .replace(
                    "<TxDtls/>",
                    """
                    <TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs>
                      <RltdPties><Dbtr><Nm>A US donor</Nm></Dbtr><DbtrAcct><Id><Othr><Id>%s</Id>
                        <SchmeNm><Prtry>USABA</Prtry></SchmeNm></Othr></Id></DbtrAcct></RltdPties>
                    </TxDtls>"""
                        .formatted(pledge, account)));

    assertThat(view.getString("entries[0].donorCode")).isEqualTo(donor);
    assertThat(view.getString("entries[0].matching")).isEqualTo("AUTO_MATCHED");
    assertThat(view.getString("entries[0].pledgeId")).isEqualTo(pledge);
    Api.as("finance", "pledge-service")
        .get("/pledges/" + pledge)
        .then()
        .statusCode(200)
        .body("status", equalTo("PAID"));
  }

  @Test
  void aReversalLowersFundingInAllThreeServices() {
    String appeal = Fixtures.appealOpenForPledges();
    String donor = Fixtures.donor();
    // launched with no funding: the default funding-gap rule (below 50 %) fires
    await().atMost(PROPAGATION).until(() -> fundingGapAlerts(appeal, "FIRING") == 1);
    String pledge = committed(appeal, donor, "600000.00", "USD", null);
    await().atMost(PROPAGATION).until(() -> fundingGapAlerts(appeal, "FIRING") == 0);

    // the credit is short by the bank's charges; the shortfall is written off
    String creditReference = reference();
    var imported =
        importStatement(
            credit(
                    "599950.00",
                    "USD",
                    "1997-10-15",
                    creditReference,
                    "<Chrgs><Amt Ccy=\"USD\">50.00</Amt></Chrgs>")
                .replace(
                    "<TxDtls/>",
                    "<TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs></TxDtls>".formatted(pledge)));
    assertThat(imported.getString("entries[0].matching")).isEqualTo("AUTO_MATCHED");
    String receipt = imported.getString("entries[0].receiptId");
    assertThat(receiptView(receipt).getString("charges.amount")).isEqualTo("50.00");
    Fixtures.writeOff(pledge); // written off on 1998-03-31
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () -> assertThat(funding(appeal, "").getString("paid.amount")).isEqualTo("599950.00"));

    // the bank reverses the credit on 10 April 1998
    var reversal =
        importStatement(
            """
            <Ntry><Amt Ccy="USD">599950.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>
              <Sts>BOOK</Sts><BookgDt><Dt>1998-04-10</Dt></BookgDt><ValDt><Dt>1998-04-10</Dt></ValDt>
              <AcctSvcrRef>%s</AcctSvcrRef>
              <NtryDtls><TxDtls><Refs><AcctSvcrRef>%s</AcctSvcrRef></Refs></TxDtls></NtryDtls>
            </Ntry>"""
                .formatted(reference(), creditReference));
    assertThat(reversal.getInt("summary.reversals")).isEqualTo(1);

    // pledge-service: the receipt is reversed, reconciliation counts it until the day before
    assertThat(receiptView(receipt).getString("status")).isEqualTo("REVERSED");
    assertThat(reconciliation(appeal, "").getString(row(donor) + ".usd.received.amount"))
        .isEqualTo("0.00");
    assertThat(
            reconciliation(appeal, "?asOf=1998-04-09")
                .getString(row(donor) + ".usd.received.amount"))
        .isEqualTo("599950.00");
    // appeal-service: paid falls as of the reversal's date (the remainder stays written off)
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () -> assertThat(funding(appeal, "").getString("paid.amount")).isEqualTo("0.00"));
    assertThat(funding(appeal, "?asOf=1998-04-09").getString("paid.amount")).isEqualTo("599950.00");
    assertThat(funding(appeal, "?asOf=1998-04-10").getString("funding.amount")).isEqualTo("0.00");
    // notification-service: coverage fell below 50 % again, the funding-gap alert fires again
    await().atMost(PROPAGATION).until(() -> fundingGapAlerts(appeal, "FIRING") == 1);
  }

  @Test
  void aBatchEntryBecomesOneReceiptPerTransaction() {
    String appeal = Fixtures.appealOpenForPledges();
    String first = Fixtures.donor();
    String second = Fixtures.donor();
    String firstPledge = committed(appeal, first, "300.00", "USD", null);
    String secondPledge = committed(appeal, second, "700.00", "USD", null);

    var view =
        importStatement(
            credit("1000.00", "USD", "1997-10-15", reference(), "")
                .replace(
                    "<TxDtls/>",
                    transaction("300.00", firstPledge) + transaction("700.00", secondPledge)));

    assertThat(view.getInt("summary.receiptsCreated")).isEqualTo(2);
    assertThat(view.getList("entries.transactionIndex", Integer.class)).containsExactly(1, 2);
    assertThat(view.getList("entries.donorCode", String.class)).containsExactly(first, second);
    assertThat(view.getList("entries.amount.amount", String.class))
        .containsExactly("300.00", "700.00");
    assertThat(view.getList("entries.matching", String.class))
        .containsExactly("AUTO_MATCHED", "AUTO_MATCHED");
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () -> assertThat(funding(appeal, "").getString("paid.amount")).isEqualTo("1000.00"));
  }

  // --- helpers -----------------------------------------------------------------------------

  private static void rate(String currency, String month, String unitsPerUsd) {
    Api.as("finance", "pledge-service")
        .body("{\"unitsPerUsd\":\"" + unitsPerUsd + "\"}")
        .put("/exchange-rates/" + currency + "/" + month)
        .then()
        .statusCode(anyOf(equalTo(200), equalTo(201)));
  }

  /** Announced on 2 July 1997 by finance for the donor, committed on 15 September. */
  private static String committed(
      String appeal, String donor, String amount, String currency, String instalments) {
    String pledge =
        Api.as("finance", "pledge-service")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                """
                {"appealCode":"%s","donorCode":"%s","amount":{"amount":"%s","currency":"%s"},
                 "announcedOn":"1997-07-02","occasion":"Steering Group, Geneva, 2 July 1997"%s}"""
                    .formatted(
                        appeal,
                        donor,
                        amount,
                        currency,
                        instalments == null ? "" : ",\"instalments\":" + instalments))
            .post("/pledges")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("finance", "pledge-service")
        .body(
            "{\"agreementReference\":\"AGR-%s\",\"signedOn\":\"1997-09-15\"}"
                .formatted(pledge.substring(0, 8)))
        .post("/pledges/" + pledge + "/commitment")
        .then()
        .statusCode(200);
    return pledge;
  }

  private static String receipt(String donor, String amount, String currency, String valueDate) {
    return Api.as("finance", "pledge-service")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"donorCode":"%s","amount":{"amount":"%s","currency":"%s"},"valueDate":"%s",
             "bankReference":"%s","remittanceText":null}"""
                .formatted(donor, amount, currency, valueDate, reference()))
        .post("/receipts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static void allocate(
      String receipt, String pledge, String amount, String currency, Integer instalment) {
    Api.as("finance", "pledge-service")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"pledgeId":"%s","amount":{"amount":"%s","currency":"%s"},"instalmentNumber":%s}"""
                .formatted(pledge, amount, currency, instalment))
        .post("/receipts/" + receipt + "/allocations")
        .then()
        .statusCode(201);
  }

  private static JsonPath receiptView(String receipt) {
    return Api.as("finance", "pledge-service")
        .get("/receipts/" + receipt)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath reconciliation(String appeal, String query) {
    return Api.as("finance", "pledge-service")
        .get("/reconciliation/appeals/" + appeal + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The donor's row of the appeal's reconciliation. */
  private static String row(String donor) {
    return "rows.find { it.donorCode == '%s' }".formatted(donor);
  }

  private static JsonPath funding(String appeal, String query) {
    return Api.as("finance", "appeal-service")
        .get("/appeals/" + appeal + "/funding" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static int fundingGapAlerts(String appeal, String status) {
    var response =
        Api.as("finance", "notification-service")
            .queryParam("appealCode", appeal)
            .queryParam("rule", "funding-gap")
            .get("/alerts");
    if (response.statusCode() != 200) {
      return -1;
    }
    return response.jsonPath().getList("findAll { it.status == '%s' }".formatted(status)).size();
  }

  private static String reference() {
    return "E2E-" + UUID.randomUUID().toString().substring(0, 23);
  }

  /** One booked credit; {@code <TxDtls/>} is replaced with the transaction details a case needs. */
  private static String credit(
      String amount, String currency, String valueDate, String reference, String charges) {
    return """
        <Ntry><Amt Ccy="%s">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
          <BookgDt><Dt>%s</Dt></BookgDt><ValDt><Dt>%s</Dt></ValDt>
          <AcctSvcrRef>%s</AcctSvcrRef>%s
          <NtryDtls><TxDtls/></NtryDtls></Ntry>"""
        .formatted(currency, amount, valueDate, valueDate, reference, charges);
  }

  /** One transaction of a batch: its own amount, an IBAN no donor holds, the pledge it pays. */
  private static String transaction(String amount, String pledge) {
    return """
        <TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs>
          <AmtDtls><TxAmt><Amt Ccy="USD">%s</Amt></TxAmt></AmtDtls>
          <RltdPties><Dbtr><Nm>A payer</Nm></Dbtr>
            <DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties></TxDtls>"""
        .formatted(pledge, amount, Fixtures.newIban());
  }

  /** Imports a statement of our account with these entries; returns the import's view. */
  private static JsonPath importStatement(String ntries) {
    String id = "E2E-" + UUID.randomUUID().toString().substring(0, 20);
    return Api.as("finance", "pledge-service")
        .contentType("application/xml")
        .body(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
              <GrpHdr><MsgId>MSG-%s</MsgId><CreDtTm>1998-04-11T06:00:00+01:00</CreDtTm></GrpHdr>
              <Stmt><Id>%s</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
              %s</Stmt></BkToCstmrStmt></Document>"""
                .formatted(id, id, ntries))
        .post("/bank-statements")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }
}
