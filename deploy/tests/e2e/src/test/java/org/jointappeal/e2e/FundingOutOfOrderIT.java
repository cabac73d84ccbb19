package org.jointappeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Money recorded out of business-date order, as bank statements and corrections really arrive:
 * funding as of a date counts what was dated by then, whatever order it was recorded in, and
 * funding known at an instant reproduces what the platform said then.
 *
 * <p>The case of issue #15, one year later: the e2e tests share one platform and its UNORE table,
 * and the other tests value NOK at 7.46 from July 1997. Here NOK is 7.40 from July 1998 and 7.60
 * from August 1998 (illustrative rates). A NOK 1,000,000 pledge announced on 2 July and committed
 * on 10 July; receipt A (NOK 400,000, value 10 September) comes first through a camt.053 statement,
 * receipt B (NOK 600,000, value 20 August) second through the REST API. As of 31 August only B is
 * paid (78,947.37 at 7.60) and NOK 400,000 is still committed at the pledge's rate (54,054.05: the
 * outstanding original amount converted once, not 135,135.14 − 81,081.08).
 */
class FundingOutOfOrderIT {

  private static final Duration PROPAGATION = Duration.ofSeconds(90);

  private final String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  private final String appeal = "OOO-1998-" + suffix;
  private final String agreement = "NOR-OOO-" + suffix;

  @Test
  void asOfFiguresDoNotDependOnTheOrderMoneyWasRecordedIn() throws Exception {
    rate("1998-07-01", "7.40");
    rate("1998-08-01", "7.60");
    rate("1998-09-01", "7.60");
    createAndLaunchAppeal();
    String pledge = announceOnceTheLaunchIsKnown();
    Api.as("finance", "pledge-service")
        .body("{\"agreementReference\":\"%s\",\"signedOn\":\"1998-07-10\"}".formatted(agreement))
        .post("/pledges/" + pledge + "/commitment")
        .then()
        .statusCode(200)
        .body("status", equalTo("COMMITTED"));

    // Receipt A, value date 10 September, recorded first: a camt.053 credit quoting the agreement.
    String iban = Fixtures.newIban();
    Fixtures.addIban("NOR", iban);
    Api.as("finance", "pledge-service")
        .contentType("application/xml")
        .body(statement(iban))
        .post("/bank-statements")
        .then()
        .statusCode(201)
        .body("summary.autoMatched", equalTo(1));
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () -> assertThat(funding("").getString("paid.amount")).isEqualTo("52631.58"));
    // An instant after A was recorded and before B is: what the platform knew then.
    Thread.sleep(1_000);
    Instant beforeB = Instant.now();
    Thread.sleep(1_000);

    // Receipt B, value date 20 August, recorded second, through the REST API.
    String receipt =
        Api.as("finance", "pledge-service")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                """
                {"donorCode":"NOR","amount":{"amount":"600000.00","currency":"NOK"},
                 "valueDate":"1998-08-20","bankReference":"NB-%s","remittanceText":"%s"}"""
                    .formatted(suffix, agreement))
            .post("/receipts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("finance", "pledge-service")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            "{\"pledgeId\":\"%s\",\"amount\":{\"amount\":\"600000.00\",\"currency\":\"NOK\"}}"
                .formatted(pledge))
        .post("/receipts/" + receipt + "/allocations")
        .then()
        .statusCode(201);
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () -> assertThat(funding("").getString("paid.amount")).isEqualTo("131578.95"));

    // Today: everything paid (A 52,631.58 + B 78,947.37), nothing committed.
    assertFigures(funding(""), "0.00", "0.00", "131578.95");
    // As of 31 July: committed, nothing paid yet.
    assertFigures(funding("?asOf=1998-07-31"), "0.00", "135135.14", "0.00");
    // As of 31 August: B only, at the August rate; NOK 400,000 still committed at 7.40.
    var august = funding("?asOf=1998-08-31");
    assertFigures(august, "0.00", "54054.05", "78947.37");
    assertThat(august.getString("funding.amount")).isEqualTo("133001.42");
    // As of 30 September: both.
    assertFigures(funding("?asOf=1998-09-30"), "0.00", "0.00", "131578.95");

    // Known before B was recorded: August showed nothing paid, September only A.
    assertFigures(funding("?asOf=1998-08-31&knownAt=" + beforeB), "0.00", "135135.14", "0.00");
    assertFigures(funding("?asOf=1998-09-30&knownAt=" + beforeB), "0.00", "81081.08", "52631.58");
    // The same report as CSV, as the auditor would download it.
    String csv =
        Api.as("auditor", "appeal-service")
            .accept("text/csv")
            .get("/appeals/" + appeal + "/funding?asOf=1998-08-31")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv).contains("54054.05").contains("78947.37");
  }

  private JsonPath funding(String query) {
    return Api.as("auditor", "appeal-service")
        .get("/appeals/" + appeal + "/funding" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void assertFigures(
      JsonPath figures, String pledged, String committed, String paid) {
    assertThat(figures.getString("pledged.amount")).as("pledged").isEqualTo(pledged);
    assertThat(figures.getString("committed.amount")).as("committed").isEqualTo(committed);
    assertThat(figures.getString("paid.amount")).as("paid").isEqualTo(paid);
  }

  private static void rate(String effectiveFrom, String unitsPerUsd) {
    Api.as("finance", "pledge-service")
        .body("{\"unitsPerUsd\":\"" + unitsPerUsd + "\"}")
        .put("/exchange-rates/NOK/" + effectiveFrom)
        .then()
        .statusCode(anyOf(equalTo(200), equalTo(201)));
  }

  private void createAndLaunchAppeal() {
    Api.as("manager", "appeal-service")
        .body(
            """
            {"code":"%s","title":"Out-of-order receipts %s","agencies":["UNHCR"],
             "periodStart":"1998-01-01","periodEnd":"1998-12-31",
             "requirementLines":[
               {"country":"GEO","agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE",
                "category":"INTERNALLY_DISPLACED_PERSONS","priority":"EMERGENCY",
                "amount":{"amount":"1000000.00","currency":"USD"}}]}"""
                .formatted(appeal, suffix))
        .post("/appeals")
        .then()
        .statusCode(201);
    Api.as("manager", "appeal-service")
        .queryParam("launchedOn", "1998-01-15")
        .post("/appeals/" + appeal + "/launch")
        .then()
        .statusCode(200);
  }

  /** pledge-service learns of the launch through Kafka: until then it asks the caller to wait. */
  private String announceOnceTheLaunchIsKnown() {
    String body =
        """
        {"appealCode":"%s","amount":{"amount":"1000000.00","currency":"NOK"},
         "announcedOn":"1998-07-02","occasion":"Steering Group, Geneva, 2 July 1998"}"""
            .formatted(appeal);
    String[] id = new String[1];
    await()
        .atMost(PROPAGATION)
        .until(
            () -> {
              var response = Api.as("donor-nor", "pledge-service").body(body).post("/pledges");
              if (response.statusCode() == 201) {
                id[0] = response.path("id");
                return true;
              }
              assertThat(response.statusCode()).as(response.asString()).isIn(409, 422);
              assertThat(response.<String>path("type"))
                  .as(response.asString())
                  .matches(".*(appeal-not-launched|appeal-not-yet-known)$");
              return false;
            });
    return id[0];
  }

  /** One booked NOK 400,000 credit, value date 10 September 1998, quoting the agreement. */
  private String statement(String payerIban) {
    String id = "OOO-" + suffix + "-1998-09-11";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-%s</MsgId><CreDtTm>1998-09-11T06:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>%s</Id>
              <CreDtTm>1998-09-11T06:00:00+01:00</CreDtTm>
              <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
              <Ntry>
                <Amt Ccy="NOK">400000.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>1998-09-10</Dt></BookgDt>
                <ValDt><Dt>1998-09-10</Dt></ValDt>
                <AcctSvcrRef>REF-%s</AcctSvcrRef>
                <NtryDtls><TxDtls>
                  <Refs><EndToEndId>%s</EndToEndId></Refs>
                  <RltdPties><Dbtr><Nm>Kingdom of Norway</Nm></Dbtr>
                    <DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties>
                  <RmtInf><Ustrd>Contribution 1998, first part</Ustrd></RmtInf>
                </TxDtls></NtryDtls>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """
        .formatted(id, id, UUID.randomUUID().toString().substring(0, 23), agreement, payerIban);
  }
}
