package org.jointappeal.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Data the end-to-end tests stand on, made through the public APIs by the roles that may make it
 * (appeal-manager for appeals, finance-officer for pledges, receipts, donors, rates, rules).
 * Amounts are in USD unless a test needs a conversion.
 */
final class Fixtures {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final AtomicInteger ORGANISATIONS = new AtomicInteger();
  private static final Duration PROPAGATION = Duration.ofSeconds(60);

  private Fixtures() {}

  /** A launched appeal that pledge-service already knows (it learns launches from Kafka). */
  static String appealOpenForPledges() {
    String appeal = Api.uniqueAppealCode();
    Api.createAndLaunch(appeal);
    await()
        .atMost(PROPAGATION)
        .until(() -> announceResponse(appeal, "SWE", "0.01").statusCode() == 201);
    return appeal;
  }

  /** A draft appeal in appeal-service only, with its ETag. */
  static Draft draftAppeal() {
    String code = Api.uniqueAppealCode();
    String etag =
        Api.as("manager", "appeal-service")
            .body(Api.appeal(code))
            .post("/appeals")
            .then()
            .statusCode(201)
            .extract()
            .header("ETag");
    return new Draft(code, etag);
  }

  record Draft(String code, String etag) {}

  /** Launched on 10 January 1997 (so revisions in 1997 follow it); appeal-service only. */
  static String launchedAppeal() {
    String code = draftAppeal().code();
    Api.as("manager", "appeal-service")
        .queryParam("launchedOn", "1997-01-10")
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(200);
    return code;
  }

  /** Launched and then closed, and pledge-service knows it closed (it learns that from Kafka). */
  static String closedAppeal() {
    String code = launchedAppeal();
    Api.as("manager", "appeal-service").post("/appeals/" + code + "/close").then().statusCode(200);
    await()
        .atMost(PROPAGATION)
        .until(
            () ->
                Databases.count(
                        "pledge-service",
                        "select count(*) from known_appeal where code = ? and status = 'CLOSED'",
                        code)
                    == 1);
    return code;
  }

  static io.restassured.response.Response announceResponse(
      String appeal, String donor, String usd) {
    return Api.as("finance", "pledge-service")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Api.pledge(appeal, donor, usd, "USD"))
        .post("/pledges");
  }

  static String announced(String appeal, String donor, String usd) {
    return announceResponse(appeal, donor, usd).then().statusCode(201).extract().path("id");
  }

  static String committed(String appeal, String donor, String usd) {
    String pledge = announced(appeal, donor, usd);
    Api.as("finance", "pledge-service")
        .body(
            "{\"agreementReference\":\"AGR-"
                + pledge.substring(0, 8)
                + "\",\"signedOn\":\"1997-09-15\"}")
        .post("/pledges/" + pledge + "/commitment")
        .then()
        .statusCode(200);
    return pledge;
  }

  /** Returns the write-off's id. */
  static String writeOff(String pledge) {
    return Api.as("finance", "pledge-service")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body("{\"reason\":\"Balance will not be paid\",\"writtenOffOn\":\"1998-03-31\"}")
        .post("/pledges/" + pledge + "/write-offs")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String receipt(String donor, String usd) {
    return Api.as("finance", "pledge-service")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"donorCode":"%s","amount":{"amount":"%s","currency":"USD"},"valueDate":"1997-10-15",
             "bankReference":"E2E-%s","remittanceText":"Contribution"}"""
                .formatted(donor, usd, UUID.randomUUID()))
        .post("/receipts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Returns the allocation's id. */
  static String allocation(String receipt, String pledge, String usd) {
    return Api.as("finance", "pledge-service")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            "{\"pledgeId\":\"%s\",\"amount\":{\"amount\":\"%s\",\"currency\":\"USD\"}}"
                .formatted(pledge, usd))
        .post("/receipts/" + receipt + "/allocations")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * An organisation's code no other call of this run has used: XM. to XZ., in order (the databases
   * are fresh for every run; the bad-input cases use XB.).
   */
  static String newOrganisationCode() {
    int n = ORGANISATIONS.getAndIncrement();
    return "X" + (char) ('M' + (n / 26) % 14) + (char) ('A' + n % 26);
  }

  /** Registers an organisation under a fresh code and returns the code. */
  static String donor() {
    String code = newOrganisationCode();
    Api.as("finance", "pledge-service")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(organisation(code))
        .post("/donors")
        .then()
        .statusCode(201);
    return code;
  }

  static String organisation(String code) {
    return "{\"code\":\"%s\",\"name\":\"Test organisation %s\",\"kind\":\"ORGANISATION\",\"ibans\":[]}"
        .formatted(code, code);
  }

  /** A day of 1990 no other call of this run has used, for exchange rates. */
  static LocalDate newRateDate() {
    return LocalDate.of(1990, 1, 1).plusDays(SEQUENCE.incrementAndGet());
  }

  static String alertRule(String appeal) {
    return Api.as("finance", "notification-service")
        .body(rule("e2e-rule-" + UUID.randomUUID().toString().substring(0, 8), appeal))
        .post("/alert-rules")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A rule watching one appeal only, so that it raises no alert for anyone else's appeals. */
  static String rule(String name, String appeal) {
    return """
        {"name":"%s","description":"Coverage below 40 %%","kind":"FUNDING_GAP","appealCode":"%s",
         "labels":{"severity":"warning"},"thresholdPercent":"40.00","activeFrom":null}"""
        .formatted(name, appeal);
  }

  static String silence(String appeal) {
    return Api.as("finance", "notification-service")
        .body(silenceBody(appeal))
        .post("/silences")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String silenceBody(String appeal) {
    Instant now = Instant.now();
    return """
        {"matchers":[{"name":"appeal","value":"%s"}],"startsAt":"%s","endsAt":"%s",
         "comment":"revision under way"}"""
        .formatted(appeal, now, now.plus(Duration.ofHours(1)));
  }

  /** The funding-gap alert the default rule raises for a launched appeal with no funding. */
  static String firingAlert(String appeal) {
    String[] id = new String[1];
    await()
        .atMost(PROPAGATION)
        .until(
            () -> {
              var alerts =
                  Api.as("finance", "notification-service")
                      .queryParam("appealCode", appeal)
                      .get("/alerts");
              id[0] = alerts.statusCode() == 200 ? alerts.path("[0].id") : null;
              return id[0] != null;
            });
    return id[0];
  }

  static void usdNokRate() {
    Api.as("finance", "pledge-service")
        .body("{\"unitsPerUsd\":\"7.46\"}")
        .put("/exchange-rates/NOK/1997-07-01")
        .then()
        .statusCode(anyOf(equalTo(200), equalTo(201)));
  }

  /** A camt.053 statement of one booked USD credit from an IBAN no donor holds. */
  static String statementWithUnknownPayer() {
    String id = "STMT-" + UUID.randomUUID().toString().substring(0, 20);
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-%s</MsgId><CreDtTm>1997-10-16T06:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>%s</Id>
              <CreDtTm>1997-10-16T06:00:00+01:00</CreDtTm>
              <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
              <Ntry>
                <Amt Ccy="USD">50.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>1997-10-15</Dt></BookgDt>
                <ValDt><Dt>1997-10-15</Dt></ValDt>
                <AcctSvcrRef>REF-%s</AcctSvcrRef>
                <NtryDtls><TxDtls>
                  <RltdPties><Dbtr><Nm>An unknown payer</Nm></Dbtr>
                    <DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties>
                  <RmtInf><Ustrd>Contribution</Ustrd></RmtInf>
                </TxDtls></NtryDtls>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """
        .formatted(id, id, UUID.randomUUID().toString().substring(0, 23), newIban());
  }

  /**
   * A camt.053 statement of {@code credits} booked USD credits of {@code amount}, each naming the
   * pledge by its id, from an IBAN no donor holds (the pledge identifies the payer): every one is
   * allocated to it, none waits in the unmatched queue.
   */
  static String statementPaying(String pledge, int credits, String amount) {
    String id = "STMT-" + UUID.randomUUID().toString().substring(0, 20);
    String payer = newIban();
    var ntries = new StringBuilder();
    for (int i = 0; i < credits; i++) {
      ntries.append(
          """
          <Ntry><Amt Ccy="USD">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>\
          <BookgDt><Dt>1997-10-15</Dt></BookgDt><ValDt><Dt>1997-10-15</Dt></ValDt>\
          <AcctSvcrRef>%s-%05d</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>%s</EndToEndId>\
          </Refs><RltdPties><DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties>\
          </TxDtls></NtryDtls></Ntry>
          """
              .formatted(amount, id, i, pledge, payer));
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
        <GrpHdr><MsgId>MSG-%s</MsgId><CreDtTm>1997-10-16T06:00:00+01:00</CreDtTm></GrpHdr>
        <Stmt><Id>%s</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
        %s</Stmt></BkToCstmrStmt></Document>
        """
        .formatted(id, id, ntries);
  }

  /** Adds an IBAN to a seeded donor, keeping its name and the IBANs it has. */
  static void addIban(String donor, String iban) {
    var view =
        Api.as("finance", "pledge-service")
            .get("/donors/" + donor)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    var ibans = new java.util.ArrayList<String>(view.getList("ibans", String.class));
    ibans.add(iban);
    Api.as("finance", "pledge-service")
        .body(
            "{\"name\":\"%s\",\"ibans\":[%s]}"
                .formatted(
                    view.getString("name"),
                    String.join(",", ibans.stream().map(i -> "\"" + i + "\"").toList())))
        .put("/donors/" + donor)
        .then()
        .statusCode(200);
  }

  /** A valid German IBAN (ISO 13616 check digits) that nobody holds. */
  static String newIban() {
    var bban = new StringBuilder();
    var random = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 18; i++) {
      bban.append(random.nextInt(10));
    }
    var numeric = new java.math.BigInteger(bban + "1314" + "00");
    int check = 98 - numeric.mod(java.math.BigInteger.valueOf(97)).intValue();
    return "DE%02d%s".formatted(check, bban);
  }

  /** Imports a statement with an unidentified credit; returns {statement id, entry id}. */
  static String[] importedUnknownPayer() {
    var view =
        Api.as("finance", "pledge-service")
            .contentType("application/xml")
            .body(statementWithUnknownPayer())
            .post("/bank-statements")
            .then()
            .statusCode(201)
            .extract();
    return new String[] {view.path("id"), view.path("entries[0].id")};
  }

  /** The pledge-written-off alert the default rule raises for a written-off pledge. */
  static String alertAboutPledge(String pledge) {
    String[] id = new String[1];
    await()
        .atMost(PROPAGATION)
        .until(
            () -> {
              var alerts =
                  Api.as("finance", "notification-service")
                      .queryParam("rule", "pledge-written-off")
                      .get("/alerts");
              java.util.List<String> ids =
                  alerts.statusCode() == 200
                      ? alerts
                          .jsonPath()
                          .getList("findAll { it.labels.pledge == '%s' }.id".formatted(pledge))
                      : java.util.List.of();
              id[0] = ids.isEmpty() ? null : ids.get(0);
              return id[0] != null;
            });
    return id[0];
  }

  /** A mail subscription of a donor user (e.g. donor-nor) to alerts about its pledges. */
  static String subscriptionOf(String donorUser) {
    return Api.as(donorUser, "notification-service")
        .body("{\"channel\":\"EMAIL\",\"emailAddress\":\"" + donorUser + "@example.org\"}")
        .post("/subscriptions")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
