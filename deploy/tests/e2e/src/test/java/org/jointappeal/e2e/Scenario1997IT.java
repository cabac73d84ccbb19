package org.jointappeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jointappeal.localstack.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed scenario, end to end against the packaged services: the CIS Conference follow-up appeal
 * of UNHCR and IOM for 1997, four donors pledging at the Steering Group in Geneva on 2 July 1997,
 * finance committing, importing a bank statement and reconciling, a gap alert on the non-emergency
 * lines reaching a subscriber by mail and webhook and resolving, and the figures agreeing across
 * the three services to the cent.
 *
 * <p>Exchange rates are illustrative (units per USD, in force from 1 July 1997), not the UN's
 * published ones: NOK 7.46, SEK 7.79, CHF 1.46 (the values the other tests and the demo data use,
 * since rates are shared by everything on the platform).
 */
class Scenario1997IT {

  private static final Duration PROPAGATION = Duration.ofSeconds(90);
  private static final String OCCASION = "Steering Group, Geneva, 2 July 1997";
  private static final Map<String, BigDecimal> UNITS_PER_USD =
      Map.of(
          "NOK", new BigDecimal("7.46"),
          "SEK", new BigDecimal("7.79"),
          "CHF", new BigDecimal("1.46"),
          "USD", BigDecimal.ONE);
  private static final String WEBHOOK_SECRET = "cis-1997-steering-group-secret";

  private final String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  private final String appeal = "CIS-1997-" + suffix;
  private final String rule = "cis-1997-" + suffix.toLowerCase() + "-non-emergency-gap";
  private final String mailbox = "finance-" + suffix.toLowerCase() + "@example.org";
  private final List<String> webhookBodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger badSignatures = new AtomicInteger();
  private HttpServer receiver;

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void theCisAppealOf1997IsFundedReconciledAlertedAndReportedConsistently() throws Exception {
    // 1. The appeal manager issues the joint appeal on 20 November 1996 and launches it.
    Map<String, String> lines = createAndLaunchAppeal(); // line key (country) -> lineId

    // 3 (first, so it sees everything). A rule on the non-emergency lines, and finance subscribes
    // to it by mail and by webhook.
    startWebhookReceiver();
    Api.as("manager", "notification-service")
        .body(
            """
            {"name":"%s","description":"%s non-emergency lines below 40 %%","kind":"FUNDING_GAP",
             "appealCode":"%s","labels":{"severity":"warning"},"thresholdPercent":"40.00",
             "groupBy":"priority","groupValue":"NON_EMERGENCY","activeFrom":null}"""
                .formatted(rule, appeal, appeal))
        .post("/alert-rules")
        .then()
        .statusCode(201);
    subscribe(
        "{\"channel\":\"EMAIL\",\"emailAddress\":\"%s\",\"appealCode\":\"%s\",\"rule\":\"%s\"}"
            .formatted(mailbox, appeal, rule));
    subscribe(
        ("{\"channel\":\"WEBHOOK\",\"webhookUrl\":\"http://127.0.0.1:%d/hooks/alerts\","
                + "\"webhookSecret\":\"%s\",\"appealCode\":\"%s\",\"rule\":\"%s\"}")
            .formatted(receiver.getAddress().getPort(), WEBHOOK_SECRET, appeal, rule));

    // 2. Finance loads the rates (July for the pledges, October for the receipts of 15 October:
    // a rate older than the month before is never bridged); each donor announces its own pledge
    // on 2 July 1997. The October rates equal July's (illustrative), so no exchange gain arises.
    UNITS_PER_USD.forEach(
        (currency, rate) -> {
          if (!currency.equals("USD")) {
            for (String month : List.of("1997-07-01", "1997-10-01")) {
              Api.as("finance", "pledge-service")
                  .body("{\"unitsPerUsd\":\"" + rate.toPlainString() + "\"}")
                  .put("/exchange-rates/" + currency + "/" + month)
                  .then()
                  .statusCode(anyOf(equalTo(200), equalTo(201)));
            }
          }
        });
    // Norway: softly earmarked to UNHCR in Georgia, in two instalments
    String norway =
        announce(
            "donor-nor",
            "3730000.00",
            "NOK",
            "{\"level\":\"SOFTLY_EARMARKED\",\"agency\":\"UNHCR\",\"country\":\"GEO\"}",
            """
            [{"dueOn":"1997-09-30","amount":{"amount":"1865000.00","currency":"NOK"}},
             {"dueOn":"1997-12-31","amount":{"amount":"1865000.00","currency":"NOK"}}]""",
            "1997-07-02");
    // Sweden: earmarked to protection in Armenia
    String sweden =
        announce(
            "donor-swe",
            "3000000.00",
            "SEK",
            "{\"level\":\"EARMARKED\",\"country\":\"ARM\",\"sector\":\"PROTECTION\"}",
            null,
            "1997-07-02");
    // Switzerland: tightly earmarked to IOM's non-emergency line in Tajikistan
    String switzerland =
        announce(
            "donor-che",
            "250000.00",
            "CHF",
            "{\"level\":\"TIGHTLY_EARMARKED\",\"requirementLineId\":\"%s\"}"
                .formatted(lines.get("TJK")),
            null,
            "1997-07-02");
    // the United States: unearmarked
    String unitedStates = announce("donor-usa", "700000.00", "USD", null, null, "1997-07-02");

    BigDecimal nor = usd("3730000.00", "NOK"); // 500 000.00
    BigDecimal swe = usd("3000000.00", "SEK"); // 385 109.11 (HALF_EVEN of 385 109.114…)
    BigDecimal che = usd("250000.00", "CHF"); // 171 232.88
    BigDecimal usa = usd("700000.00", "USD");
    BigDecimal fourPledges = nor.add(swe).add(che).add(usa);

    // 4. Finance commits the four pledges (signed agreements) ...
    for (var pledge :
        Map.of(
                norway, "NOR-" + suffix,
                sweden, "SWE-" + suffix,
                switzerland, "CHE-" + suffix,
                unitedStates, "USA-" + suffix)
            .entrySet()) {
      commit(pledge.getKey(), pledge.getValue(), "1997-07-15");
    }
    // ... registers the payers' IBANs, imports a camt.053 statement: Norway's first instalment
    // quotes its agreement (EndToEndId), Sweden's transfer is found by IBAN and amount ...
    String norwayIban = Fixtures.newIban();
    String swedenIban = Fixtures.newIban();
    Fixtures.addIban("NOR", norwayIban);
    Fixtures.addIban("SWE", swedenIban);
    var statement =
        Api.as("finance", "pledge-service")
            .contentType("application/xml")
            .body(
                statement(
                    entry("1865000.00", "NOK", norwayIban, "NOR-" + suffix, "Contribution 1997"),
                    entry("3000000.00", "SEK", swedenIban, null, "Swedish contribution 1997")))
            .post("/bank-statements")
            .then()
            .statusCode(201)
            .body("summary.autoMatched", equalTo(2))
            .body("entries.matching", everyItem(equalTo("AUTO_MATCHED")))
            .extract()
            .jsonPath();
    assertThat(statement.getList("entries.pledgeId", String.class)).containsExactly(norway, sweden);
    // ... reconciles the United States' payment by hand and writes off what will not come.
    String receipt =
        Api.as("finance", "pledge-service")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                """
                {"donorCode":"USA","amount":{"amount":"650000.00","currency":"USD"},
                 "valueDate":"1997-10-15","bankReference":"FED-%s","remittanceText":"CIS 1997"}"""
                    .formatted(suffix))
            .post("/receipts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("finance", "pledge-service")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            "{\"pledgeId\":\"%s\",\"amount\":{\"amount\":\"650000.00\",\"currency\":\"USD\"}}"
                .formatted(unitedStates))
        .post("/receipts/" + receipt + "/allocations")
        .then()
        .statusCode(201);
    Api.as("finance", "pledge-service")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body("{\"reason\":\"Balance will not be paid\",\"writtenOffOn\":\"1997-12-31\"}")
        .post("/pledges/" + unitedStates + "/write-offs")
        .then()
        .statusCode(201);

    // 5. The appeal is 70 % funded (so the appeal-level gap no longer inhibits the line-level
    // one), but its non-emergency lines only 17.12 %: the alert reaches mail and webhook once.
    BigDecimal nonEmergencyRequirements = new BigDecimal("1000000.00");
    BigDecimal firingCoverage = percent(che, nonEmergencyRequirements); // 17.12
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () -> {
              assertThat(mails()).anyMatch(m -> m.subject().startsWith("[FIRING:1]"));
              assertThat(webhookStatuses()).contains("firing");
            });
    Api.as("finance", "notification-service")
        .queryParam("appealCode", appeal)
        .queryParam("rule", rule)
        .get("/alerts")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].status", equalTo("FIRING"))
        .body("[0].labels.priority", equalTo("NON_EMERGENCY"))
        .body("[0].labels.level", equalTo("line"))
        .body("[0].coveragePercent", equalTo(firingCoverage.toPlainString()));

    // A new pledge to the non-emergency line in Kazakhstan lifts it over 40 %: the alert resolves.
    String liftingPledge =
        announce(
            "donor-usa",
            "250000.00",
            "USD",
            "{\"level\":\"TIGHTLY_EARMARKED\",\"requirementLineId\":\"%s\"}"
                .formatted(lines.get("KAZ")),
            null,
            "1997-11-20");
    commit(liftingPledge, "USA-KAZ-" + suffix, "1997-11-25");
    BigDecimal lift = usd("250000.00", "USD");
    BigDecimal resolvedCoverage = percent(che.add(lift), nonEmergencyRequirements); // 42.12
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () -> {
              assertThat(mails()).anyMatch(m -> m.subject().startsWith("[RESOLVED]"));
              assertThat(webhookStatuses()).contains("resolved");
            });
    var alert =
        Api.as("finance", "notification-service")
            .queryParam("appealCode", appeal)
            .queryParam("rule", rule)
            .get("/alerts")
            .then()
            .statusCode(200)
            .body("size()", equalTo(1))
            .body("[0].status", equalTo("RESOLVED"))
            .extract()
            .jsonPath();
    // one firing and one resolved notice per channel, every webhook signed with the secret
    assertThat(mails())
        .extracting(m -> m.subject().substring(0, m.subject().indexOf(']') + 1))
        .containsExactly("[FIRING:1]", "[RESOLVED]");
    assertThat(webhookStatuses()).containsExactly("firing", "resolved");
    assertThat(badSignatures).hasValue(0);

    // 6. Funding as of a business date: nothing before the Steering Group, the four pledges after.
    var before = funding("?asOf=1997-07-01");
    assertThat(before.getString("pledged.amount")).isEqualTo("0.00");
    assertThat(before.getString("funding.amount")).isEqualTo("0.00");
    var after = funding("?asOf=1997-07-03");
    assertThat(after.getString("pledged.amount")).isEqualTo(fourPledges.toPlainString());
    assertThat(after.getString("funding.amount")).isEqualTo("0.00");

    // 7. IATI: 5 pledges (13), 5 commitments (11) and the USA's write-off as a decrease of its
    // commitment (a sixth 11, negative), 3 receipts allocated (1).
    String iati =
        Api.as("finance", "pledge-service")
            .accept("application/xml")
            .queryParam("appeal", appeal)
            .get("/exports/iati")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(transactionsOfType(iati, "13")).isEqualTo(5);
    assertThat(transactionsOfType(iati, "11")).isEqualTo(6);
    assertThat(iati).contains(">-50000.00<");
    assertThat(transactionsOfType(iati, "1")).isEqualTo(3);
    String schemaCheck = validateAgainstIatiSchema(iati);

    // 8. The same figures in all three services, to the cent.
    BigDecimal paid = usd("1865000.00", "NOK").add(swe).add(usd("650000.00", "USD"));
    BigDecimal writtenOff = usd("50000.00", "USD");
    BigDecimal allPledges = fourPledges.add(lift);
    BigDecimal committed = allPledges.subtract(paid).subtract(writtenOff); // still to be paid
    BigDecimal funding = committed.add(paid);
    BigDecimal requirements = new BigDecimal("2500000.00");
    BigDecimal coverage = percent(funding, requirements);

    // appeal-service learns of payments and write-offs over Kafka: they may arrive a moment later
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () -> assertThat(funding("").getString("paid.amount")).isEqualTo(paid.toPlainString()));
    var appealFunding = funding("");
    assertThat(appealFunding.getString("pledged.amount")).isEqualTo("0.00");
    assertThat(appealFunding.getString("committed.amount")).isEqualTo(committed.toPlainString());
    assertThat(appealFunding.getString("paid.amount")).isEqualTo(paid.toPlainString());
    assertThat(appealFunding.getString("funding.amount")).isEqualTo(funding.toPlainString());
    assertThat(appealFunding.getString("writtenOff.amount")).isEqualTo(writtenOff.toPlainString());
    assertThat(appealFunding.getString("coveragePercent")).isEqualTo(coverage.toPlainString());
    var byPriority = funding("?groupBy=priority");
    String nonEmergencyCoverage =
        byPriority.getString("groups.find { it.key == 'NON_EMERGENCY' }.coveragePercent");
    assertThat(nonEmergencyCoverage).isEqualTo(resolvedCoverage.toPlainString());
    assertThat(alert.getString("[0].coveragePercent")).isEqualTo(nonEmergencyCoverage);

    var reconciliation =
        Api.as("finance", "pledge-service")
            .get("/reconciliation/appeals/" + appeal)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String totals = "totals.usd.";
    assertThat(reconciliation.getString(totals + "pledged.amount"))
        .isEqualTo(allPledges.toPlainString());
    assertThat(reconciliation.getString(totals + "committed.amount"))
        .isEqualTo(allPledges.toPlainString());
    assertThat(reconciliation.getString(totals + "received.amount"))
        .isEqualTo(appealFunding.getString("paid.amount"));
    assertThat(reconciliation.getString(totals + "writtenOff.amount"))
        .isEqualTo(appealFunding.getString("writtenOff.amount"));
    assertThat(reconciliation.getString(totals + "outstanding.amount"))
        .isEqualTo(appealFunding.getString("committed.amount"));
    assertThat(reconciliation.getString(totals + "exchangeGainLoss.amount")).isEqualTo("0.00");

    System.out.printf(
        """
        --- Scenario 1997: %s (UNHCR, IOM; issued 1996-11-20; 1997-01-01..1997-12-31) ---
        requirements      USD %s (non-emergency USD %s)
        four pledges      USD %s on 1997-07-02 (NOR %s, SWE %s, CHE %s, USA %s)
        all pledges       USD %s, written off USD %s
        committed unpaid  USD %s, paid USD %s, funding USD %s = %s %%
        non-emergency gap alert: fired at %s %%, resolved at %s %% (threshold 40 %%)
        notices: mail %s, webhook %s
        IATI: 5 x 13, 5 x 11, 3 x 1; %s
        """,
        appeal,
        requirements,
        nonEmergencyRequirements,
        fourPledges,
        nor,
        swe,
        che,
        usa,
        allPledges,
        writtenOff,
        committed,
        paid,
        funding,
        coverage,
        firingCoverage,
        resolvedCoverage,
        mails().stream().map(MailServer.ReceivedMail::subject).toList(),
        webhookStatuses(),
        schemaCheck);
  }

  /** The draft with four lines in four CIS countries (USD 2 500 000.00), launched. */
  private Map<String, String> createAndLaunchAppeal() {
    var created =
        Api.as("manager", "appeal-service")
            .body(
                """
                {"code":"%s","title":"CIS Conference follow-up: UNHCR/IOM joint appeal 1997 (%s)",
                 "agencies":["UNHCR","IOM"],"periodStart":"1997-01-01","periodEnd":"1997-12-31",
                 "requirementLines":[
                   {"country":"GEO","agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE",
                    "category":"INTERNALLY_DISPLACED_PERSONS","priority":"EMERGENCY",
                    "amount":{"amount":"1000000.00","currency":"USD"}},
                   {"country":"ARM","agency":"UNHCR","sector":"PROTECTION","category":"REFUGEES",
                    "priority":"EMERGENCY","amount":{"amount":"500000.00","currency":"USD"}},
                   {"country":"TJK","agency":"IOM","sector":"MIGRATION_MANAGEMENT",
                    "category":"ILLEGAL_MIGRANTS","priority":"NON_EMERGENCY",
                    "amount":{"amount":"400000.00","currency":"USD"}},
                   {"country":"KAZ","agency":"IOM","sector":"CAPACITY_BUILDING",
                    "category":"ECOLOGICAL_MIGRANTS","priority":"NON_EMERGENCY",
                    "amount":{"amount":"600000.00","currency":"USD"}}]}"""
                    .formatted(appeal, suffix))
            .post("/appeals")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    Api.as("manager", "appeal-service")
        .queryParam("launchedOn", "1996-11-20")
        .post("/appeals/" + appeal + "/launch")
        .then()
        .statusCode(200);
    return Map.of(
        "TJK", created.getString("requirementLines.find { it.country == 'TJK' }.lineId"),
        "KAZ", created.getString("requirementLines.find { it.country == 'KAZ' }.lineId"));
  }

  /**
   * A donor announces its own pledge (no donorCode: its token decides). pledge-service learns of
   * the launch through Kafka, so the first one may have to wait for it.
   */
  private String announce(
      String donorUser,
      String amount,
      String currency,
      String earmarkingOrNull,
      String instalmentsOrNull,
      String announcedOn) {
    String body =
        """
        {"appealCode":"%s","amount":{"amount":"%s","currency":"%s"},"announcedOn":"%s",
         "occasion":"%s"%s%s}"""
            .formatted(
                appeal,
                amount,
                currency,
                announcedOn,
                OCCASION,
                earmarkingOrNull == null ? "" : ",\"earmarking\":" + earmarkingOrNull,
                instalmentsOrNull == null ? "" : ",\"instalments\":" + instalmentsOrNull);
    String[] id = new String[1];
    await()
        .atMost(PROPAGATION)
        .until(
            () -> {
              var response = Api.as(donorUser, "pledge-service").body(body).post("/pledges");
              if (response.statusCode() == 201) {
                id[0] = response.path("id");
                return true;
              }
              // until the launch arrives the appeal (and its lines) are unknown; else a failure
              assertThat(response.statusCode()).as(response.asString()).isEqualTo(409);
              assertThat(response.<String>path("type"))
                  .as(response.asString())
                  .endsWith("appeal-not-yet-known");
              assertThat(response.header("Retry-After")).as(response.asString()).isNotBlank();
              return false;
            });
    return id[0];
  }

  private static void commit(String pledge, String agreement, String signedOn) {
    Api.as("finance", "pledge-service")
        .body("{\"agreementReference\":\"%s\",\"signedOn\":\"%s\"}".formatted(agreement, signedOn))
        .post("/pledges/" + pledge + "/commitment")
        .then()
        .statusCode(200)
        .body("status", equalTo("COMMITTED"));
  }

  private static void subscribe(String body) {
    Api.as("finance", "notification-service")
        .body(body)
        .post("/subscriptions")
        .then()
        .statusCode(201);
  }

  private String statement(String... entries) {
    String id = "CIS-" + suffix + "-1997-10-15";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-%s</MsgId><CreDtTm>1997-10-16T06:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>%s</Id>
              <CreDtTm>1997-10-16T06:00:00+01:00</CreDtTm>
              <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
              %s
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """
        .formatted(id, id, String.join("\n", entries));
  }

  private static String entry(
      String amount, String currency, String payerIban, String endToEndIdOrNull, String text) {
    String refs =
        endToEndIdOrNull == null
            ? ""
            : "<Refs><EndToEndId>" + endToEndIdOrNull + "</EndToEndId></Refs>";
    return """
        <Ntry>
          <Amt Ccy="%s">%s</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          <Sts>BOOK</Sts>
          <BookgDt><Dt>1997-10-15</Dt></BookgDt>
          <ValDt><Dt>1997-10-15</Dt></ValDt>
          <AcctSvcrRef>REF-%s</AcctSvcrRef>
          <NtryDtls><TxDtls>%s
            <RltdPties><Dbtr><Nm>Payer</Nm></Dbtr>
              <DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties>
            <RmtInf><Ustrd>%s</Ustrd></RmtInf>
          </TxDtls></NtryDtls>
        </Ntry>"""
        .formatted(
            currency, amount, UUID.randomUUID().toString().substring(0, 23), refs, payerIban, text);
  }

  private JsonPath funding(String query) {
    return Api.as("auditor", "appeal-service")
        .get("/appeals/" + appeal + "/funding" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** USD value at the rate in force on 1 July 1997, rounded HALF_EVEN to cents (domain.md). */
  private static BigDecimal usd(String amount, String currency) {
    return new BigDecimal(amount).divide(UNITS_PER_USD.get(currency), 2, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN);
  }

  private List<MailServer.ReceivedMail> mails() {
    var mail = RunningPlatform.get().mail();
    return MailServer.fetch(mail.host(), mail.pop3Port(), mailbox);
  }

  private List<String> webhookStatuses() {
    return webhookBodies.stream().map(b -> JsonPath.from(b).getString("status")).toList();
  }

  /**
   * A webhook receiver on a free loopback port that keeps the bodies whose {@code
   * X-JointAppeal-Signature} verifies (HMAC-SHA256 over {@code t + "." + body}, docs/alerts.md).
   */
  private void startWebhookReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hooks/alerts",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String header = exchange.getRequestHeaders().getFirst("X-JointAppeal-Signature");
          if (signatureVerifies(header, body)) {
            webhookBodies.add(new String(body, StandardCharsets.UTF_8));
          } else {
            badSignatures.incrementAndGet();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  private static boolean signatureVerifies(String header, byte[] body) {
    if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
      return false;
    }
    String t = header.substring(2, header.indexOf(','));
    String v1 = header.substring(header.indexOf("v1=") + 3);
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      boolean fresh = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) < 300;
      return fresh && java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int transactionsOfType(String iati, String code) throws Exception {
    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var types =
        factory
            .newDocumentBuilder()
            .parse(new org.xml.sax.InputSource(new StringReader(iati)))
            .getElementsByTagName("transaction-type");
    int count = 0;
    for (int i = 0; i < types.getLength(); i++) {
      if (code.equals(((org.w3c.dom.Element) types.item(i)).getAttribute("code"))) {
        count++;
      }
    }
    return count;
  }

  /**
   * Validates against the official IATI 2.03 schema where the project keeps it ({@code
   * shared/reference/iati-2.03/} in an ancestor of the working directory; its licence keeps it out
   * of the repository). Without it, this one check is skipped, and the report says so.
   */
  private static String validateAgainstIatiSchema(String iati) throws Exception {
    Path relative = Path.of("shared", "reference", "iati-2.03", "iati-activities-schema.xsd");
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path xsd = dir.resolve(relative);
      if (Files.isRegularFile(xsd)) {
        var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        var validator = factory.newSchema(xsd.toFile()).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
          validator.validate(new StreamSource(new StringReader(iati)));
        } catch (org.xml.sax.SAXException e) {
          throw new AssertionError("the IATI export is not valid IATI 2.03: " + e.getMessage(), e);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return "valid against " + xsd;
      }
    }
    String skipped =
        "IATI 2.03 schema not found (shared/reference/iati-2.03/ beside the checkout):"
            + " schema validation skipped";
    System.out.println(skipped);
    return skipped;
  }
}
