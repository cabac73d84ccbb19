package org.jointappeal.pledge.messaging;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Donors;
import org.jointappeal.pledge.KafkaTestClient;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.jointappeal.pledge.events.ForecastProjectedV1;
import org.jointappeal.pledge.events.PledgeAnnouncedV1;
import org.jointappeal.pledge.events.PledgeCancelledV1;
import org.jointappeal.pledge.events.PledgeCommittedV1;
import org.jointappeal.pledge.events.PledgeInstalmentOverdueV1;
import org.jointappeal.pledge.events.PledgePaymentAllocatedV1;
import org.jointappeal.pledge.events.PledgePaymentReversedV1;
import org.jointappeal.pledge.events.PledgeRevaluedV1;
import org.jointappeal.pledge.events.PledgeWrittenOffV1;
import org.jointappeal.pledge.events.ReceiptAllocatedV1;
import org.jointappeal.pledge.events.ReceiptRecordedV1;
import org.jointappeal.pledge.fx.UnoreRateService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The records this service publishes, produced by the real code and read from the real topic, match
 * the event contract: {@code docs/events/<ce_type>.schema.json} for the value (strict: a field the
 * contract does not describe fails), {@code docs/events/cloudevents-headers.schema.json} for the
 * headers, and the record key is the payload's appeal code (the donor code for receipt events).
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class ContractTest {

  /** The contract, relative to this module (Maven runs tests in the module's directory). */
  private static final Path EVENTS = Path.of("../docs/events");

  private static final Duration PUBLISHED = Duration.ofSeconds(20);
  private static final ObjectMapper JSON_READER = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_7,
          registry ->
              registry.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  @Inject TestClock clock;

  String appeal;

  /**
   * A launched appeal, and a KRW rate: no minor units, and a rate whose trailing zeros are stripped
   * (890.000000 must leave as "890", never "8.9E+2").
   */
  @BeforeEach
  void launchedAppealAndAWonRate() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Arc.container()
        .instance(UnoreRateService.class)
        .get()
        .record("KRW", LocalDate.parse("1997-07-01"), new BigDecimal("890.000000"));
    // the receipts of 15 October need October's rate (an older one is not bridged)
    Arc.container()
        .instance(UnoreRateService.class)
        .get()
        .record("KRW", LocalDate.parse("1997-10-01"), new BigDecimal("890"));
    Donors.ensure("KOR", "Republic of Korea");
  }

  @Test
  void anAnnouncedPledgeIsPublishedAsTheContractDescribesIt() {
    String pledgeId = announce();

    var record = published(PledgeAnnouncedV1.TYPE, pledgeId);

    assertMatchesContract(record);
    assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(pledgeId);
  }

  @Test
  void aCommittedPledgeIsPublishedAsTheContractDescribesIt() {
    String pledgeId = announce();
    given()
        .contentType(JSON)
        .body("{\"agreementReference\":\"KOR-1997-003\",\"signedOn\":\"1997-09-15\"}")
        .when()
        .post("/pledges/" + pledgeId + "/commitment")
        .then()
        .statusCode(200);

    var record = published(PledgeCommittedV1.TYPE, pledgeId);

    assertMatchesContract(record);
    assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(pledgeId);
  }

  @Test
  void anEarmarkedScheduledPledgeIsPublishedAsTheContractDescribesIt() {
    String pledgeId =
        given()
            .contentType(JSON)
            .body(
                """
                {"appealCode":"%s","donorCode":"KOR","amount":{"amount":"890000000","currency":"KRW"},
                 "announcedOn":"1997-07-02","occasion":null,
                 "earmarking":{"level":"SOFTLY_EARMARKED","agency":"UNHCR"},
                 "instalments":[{"dueOn":"1997-09-30","amount":{"amount":"445000001","currency":"KRW"}},
                                {"dueOn":"1997-12-31","amount":{"amount":"444999999","currency":"KRW"}}]}"""
                    .formatted(appeal))
            .when()
            .post("/pledges")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    assertMatchesContract(published(PledgeAnnouncedV1.TYPE, pledgeId));
  }

  @Test
  void aCancelledPledgeIsPublishedAsTheContractDescribesIt() {
    String pledgeId = announce();
    given()
        .contentType(JSON)
        .body("{\"cancelledOn\":\"1997-08-01\"}")
        .when()
        .post("/pledges/" + pledgeId + "/cancellation")
        .then()
        .statusCode(200);

    var record = published(PledgeCancelledV1.TYPE, pledgeId);

    assertMatchesContract(record);
    assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(pledgeId);
  }

  @Test
  void aRevaluedPledgeIsPublishedAsTheContractDescribesIt() {
    String pledgeId = announce();
    // a correction of the July rate; the next test's setup corrects it back
    Arc.container()
        .instance(UnoreRateService.class)
        .get()
        .record("KRW", LocalDate.parse("1997-07-01"), new BigDecimal("900"));
    given()
        .contentType(JSON)
        .body("{\"revaluedOn\":\"1997-08-20\",\"reason\":\"rate corrected\"}")
        .when()
        .post("/pledges/" + pledgeId + "/revaluation")
        .then()
        .statusCode(200);

    var record = published(PledgeRevaluedV1.TYPE, pledgeId);

    assertMatchesContract(record);
    assertThat(value(record).at("/previousUnitsPerUsd").asText()).isEqualTo("890");
    assertThat(value(record).at("/pledge/unitsPerUsd").asText()).isEqualTo("900");
  }

  @Test
  void aWrittenOffPledgeIsPublishedAsTheContractDescribesIt() {
    String pledgeId = announce();
    given()
        .contentType(JSON)
        .body("{\"agreementReference\":\"KOR-1997-003\",\"signedOn\":\"1997-09-15\"}")
        .post("/pledges/" + pledgeId + "/commitment")
        .then()
        .statusCode(200);
    given()
        .contentType(JSON)
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .body("{\"reason\":\"Not received\",\"writtenOffOn\":\"1997-11-30\"}")
        .when()
        .post("/pledges/" + pledgeId + "/write-offs")
        .then()
        .statusCode(201);

    var record = published(PledgeWrittenOffV1.TYPE, pledgeId);

    assertMatchesContract(record);
    assertThat(value(record).at("/pledge/writtenOffUsd/amount").asText()).isEqualTo("1000000.00");
  }

  @Test
  void aPaymentAllocationIsPublishedAsTheContractDescribesIt() {
    String pledgeId = announce();
    given()
        .contentType(JSON)
        .body("{\"agreementReference\":\"KOR-1997-003\",\"signedOn\":\"1997-09-15\"}")
        .post("/pledges/" + pledgeId + "/commitment")
        .then()
        .statusCode(200);
    String receiptId =
        given()
            .contentType(JSON)
            .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
            .body(
                """
                {"donorCode":"KOR","amount":{"amount":"445000000","currency":"KRW"},
                 "valueDate":"1997-10-15","bankReference":"KEB-19971015-7","remittanceText":null}""")
            .when()
            .post("/receipts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .contentType(JSON)
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .body(
            """
            {"pledgeId":"%s","amount":{"amount":"445000000","currency":"KRW"}}"""
                .formatted(pledgeId))
        .when()
        .post("/receipts/" + receiptId + "/allocations")
        .then()
        .statusCode(201);

    var record = published(PledgePaymentAllocatedV1.TYPE, pledgeId);

    assertMatchesContract(record);
    assertThat(value(record).at("/pledge/status").asText()).isEqualTo("PARTIALLY_PAID");
    assertThat(value(record).at("/pledge/paidUsd/amount").asText()).isEqualTo("500000.00");
    assertThat(value(record).at("/occurredOn").asText()).isEqualTo("1997-10-15");
  }

  @Test
  void aRecordedReceiptIsPublishedAsTheContractDescribesItKeyedByTheDonor() {
    String receiptId = receiveWon("445000000");

    var record = published(ReceiptRecordedV1.TYPE, receiptId);

    assertMatchesContract(record);
    assertThat(record.key()).isEqualTo("KOR");
    assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(receiptId);
    assertThat(value(record).at("/receipt/status").asText()).isEqualTo("UNALLOCATED");
    assertThat(value(record).at("/receipt/source").asText()).isEqualTo("MANUAL");
  }

  @Test
  void anAllocatedReceiptIsPublishedAsTheContractDescribesItKeyedByTheDonor() {
    String pledgeId = announce();
    given()
        .contentType(JSON)
        .body("{\"agreementReference\":\"KOR-1997-003\",\"signedOn\":\"1997-09-15\"}")
        .post("/pledges/" + pledgeId + "/commitment")
        .then()
        .statusCode(200);
    String receiptId = receiveWon("500000000");
    given()
        .contentType(JSON)
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .body(
            """
            {"pledgeId":"%s","amount":{"amount":"445000000","currency":"KRW"}}"""
                .formatted(pledgeId))
        .when()
        .post("/receipts/" + receiptId + "/allocations")
        .then()
        .statusCode(201);

    var record = published(ReceiptAllocatedV1.TYPE, receiptId);

    assertMatchesContract(record);
    assertThat(record.key()).isEqualTo("KOR");
    assertThat(value(record).at("/receipt/status").asText()).isEqualTo("PARTIALLY_ALLOCATED");
    assertThat(value(record).at("/receipt/unallocated/amount").asText()).isEqualTo("55000000");
    assertThat(value(record).at("/receipt/version").asLong()).isEqualTo(1);
  }

  @Test
  void anOverdueInstalmentIsPublishedAsTheContractDescribesIt() {
    String pledgeId = announce(); // one instalment, due at the appeal's period end, 1997-12-31
    given()
        .contentType(JSON)
        .body("{\"agreementReference\":\"KOR-1997-003\",\"signedOn\":\"1997-09-15\"}")
        .post("/pledges/" + pledgeId + "/commitment")
        .then()
        .statusCode(200);
    clock.set(java.time.Instant.parse("1998-01-02T00:00:00Z"));
    org.jointappeal.pledge.Pledges.checkOverdue();

    var record = published(PledgeInstalmentOverdueV1.TYPE, pledgeId);

    assertMatchesContract(record);
    assertThat(value(record).at("/instalment/status").asText()).isEqualTo("OVERDUE");
    assertThat(value(record).at("/pledge/instalments/0/status").asText()).isEqualTo("OVERDUE");
  }

  @Test
  void aPaymentReversalIsPublishedAsTheContractDescribesIt() {
    String pledgeId = announce();
    given()
        .contentType(JSON)
        .body("{\"agreementReference\":\"KOR-1997-003\",\"signedOn\":\"1997-09-15\"}")
        .post("/pledges/" + pledgeId + "/commitment")
        .then()
        .statusCode(200);
    String reference = "REF-" + java.util.UUID.randomUUID().toString().substring(0, 20);
    // an account no donor registered: the pledge id it quotes names the payer
    importStatement(
        """
        <Ntry><Amt Ccy="KRW">445000000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
          <BookgDt><Dt>1997-10-15</Dt></BookgDt><ValDt><Dt>1997-10-15</Dt></ValDt>
          <AcctSvcrRef>%s</AcctSvcrRef>
          <NtryDtls><TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs>
            <RltdPties><DbtrAcct><Id><Othr><Id>123-4567890</Id><SchmeNm><Prtry>KRBANK</Prtry>
            </SchmeNm></Othr></Id></DbtrAcct></RltdPties></TxDtls></NtryDtls></Ntry>"""
            .formatted(reference, pledgeId));
    importStatement(
        """
        <Ntry><Amt Ccy="KRW">445000000</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>
          <Sts>BOOK</Sts><BookgDt><Dt>1997-10-22</Dt></BookgDt><ValDt><Dt>1997-10-22</Dt></ValDt>
          <AcctSvcrRef>%s-R</AcctSvcrRef>
          <NtryDtls><TxDtls><Refs><AcctSvcrRef>%s</AcctSvcrRef></Refs></TxDtls></NtryDtls></Ntry>"""
            .formatted(reference, reference));

    var record = published(PledgePaymentReversedV1.TYPE, pledgeId);

    assertMatchesContract(record);
    assertThat(value(record).at("/pledge/status").asText()).isEqualTo("COMMITTED");
    assertThat(value(record).at("/pledge/paidUsd/amount").asText()).isEqualTo("0.00");
    assertThat(value(record).at("/occurredOn").asText()).isEqualTo("1997-10-22");
  }

  /** A camt.053 statement of our account with this one entry. */
  private static void importStatement(String ntry) {
    String id = "STMT-" + java.util.UUID.randomUUID().toString().substring(0, 20);
    given()
        .contentType("application/xml")
        .body(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
              <GrpHdr><MsgId>MSG-%s</MsgId><CreDtTm>1997-10-23T06:00:00+01:00</CreDtTm></GrpHdr>
              <Stmt><Id>%s</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
              %s</Stmt></BkToCstmrStmt></Document>"""
                .formatted(id, id, ntry))
        .when()
        .post("/bank-statements")
        .then()
        .statusCode(201);
  }

  @Test
  void aProjectionIsPublishedAsTheContractDescribesIt() {
    String pledgeId = announce();
    given()
        .contentType(JSON)
        .body("{\"agreementReference\":\"KOR-1997-004\",\"signedOn\":\"1997-07-15\"}")
        .post("/pledges/" + pledgeId + "/commitment")
        .then()
        .statusCode(200);
    given()
        .queryParam("appealCode", appeal)
        .queryParam("asOf", "1997-07-31")
        .post("/forecasts/cash/projections")
        .then()
        .statusCode(200);

    var record = published(ForecastProjectedV1.TYPE, "\"appealCode\":\"" + appeal + "\"");

    assertMatchesContract(record);
    assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(appeal);
    assertThat(value(record).at("/monthsLeft").asInt()).isEqualTo(5);
    assertThat(value(record).at("/requirements/amount").asText()).isEqualTo("1000000.00");
  }

  /** A receipt of KRW from Korea on 15 October 1997; returns its id. */
  private String receiveWon(String amount) {
    return given()
        .contentType(JSON)
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .body(
            """
            {"donorCode":"KOR","amount":{"amount":"%s","currency":"KRW"},
             "valueDate":"1997-10-15","bankReference":"KEB-19971015-7","remittanceText":null}"""
                .formatted(amount))
        .when()
        .post("/receipts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The Republic of Korea announces KRW 890 000 000 (USD 1 000 000.00); returns the pledge id. */
  private String announce() {
    return given()
        .contentType(JSON)
        .body(
            """
            {"appealCode":"%s","donorCode":"KOR","amount":{"amount":"890000000","currency":"KRW"},
             "announcedOn":"1997-07-02","occasion":"Steering Group, Geneva, 2 July 1997"}"""
                .formatted(appeal))
        .when()
        .post("/pledges")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Found by type and content, not by key or subject: those are for the contract to check. */
  private static ConsumerRecord<String, String> published(String type, String aggregateId) {
    var records =
        KafkaTestClient.readUntil(
            "pledge-events",
            r ->
                type.equals(KafkaTestClient.header(r, "ce_type"))
                    && r.value().contains(aggregateId),
            PUBLISHED);
    return records.get(records.size() - 1);
  }

  /** Headers, value and key as the contract describes them; the failure names what differs. */
  private static void assertMatchesContract(ConsumerRecord<String, String> record) {
    String type = KafkaTestClient.header(record, "ce_type");
    Path schema = EVENTS.resolve(type + ".schema.json");
    assertThat(schema).as("the contract's schema for ce_type %s", type).isRegularFile();
    assertThat(violations(EVENTS.resolve("cloudevents-headers.schema.json"), headers(record)))
        .as("headers of %s", type)
        .isEmpty();
    assertThat(violations(schema, record.value())).as("value of %s", type).isEmpty();
    // receipt events are keyed by donor code (a receipt belongs to a donor), all others by appeal
    String keyField = type.startsWith("org.jointappeal.receipt.") ? "donorCode" : "appealCode";
    assertThat(record.key())
        .as("record key of %s", type)
        .isEqualTo(value(record).path(keyField).asText());
  }

  private static List<String> violations(Path schema, String json) {
    try (var in = Files.newInputStream(schema)) {
      return SCHEMAS.getSchema(in, InputFormat.JSON).validate(json, InputFormat.JSON).stream()
          .map(String::valueOf)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String headers(ConsumerRecord<?, ?> record) {
    var headers = new TreeMap<String, String>();
    for (Header h : record.headers()) {
      headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
    }
    try {
      return JSON_READER.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode value(ConsumerRecord<String, String> record) {
    try {
      return JSON_READER.readTree(record.value());
    } catch (JsonProcessingException e) {
      throw new AssertionError("record value is not JSON: " + record.value(), e);
    }
  }
}
