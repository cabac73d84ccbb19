package org.jointappeal.notification.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jointappeal.notification.FundingEvents.aFundingChange;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jointappeal.notification.AlertEvents;
import org.jointappeal.notification.KafkaTestClient;
import org.jointappeal.notification.PledgeEvents;
import org.jointappeal.notification.ReceiptEvents;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The records this service publishes, produced by the real code and read from the real topic, match
 * the event contract: {@code docs/events/<ce_type>.schema.json} for the value (strict: a field the
 * contract does not describe fails), {@code docs/events/cloudevents-headers.schema.json} for the
 * headers, the subject is the alert id, and the record key is the payload's appeal code (the donor
 * label for an alert about no appeal).
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class ContractTest {

  /** The contract, relative to this module (Maven runs tests in the module's directory). */
  private static final Path EVENTS = Path.of("../docs/events");

  private static final ObjectMapper JSON_READER = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_7,
          registry ->
              registry.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void freshAppeal() {
    clock.reset();
    appeal = uniqueAppealCode();
  }

  @Test
  void aFiringFundingGapIsPublishedAsTheContractDescribesIt() {
    aFundingChange().forAppeal(appeal).atVersion(1).covered("30.00").publishAndAwait();

    var record = AlertEvents.published(AlertEvents.FIRING, alertOf(appeal, "funding-gap"));

    assertMatchesContract(record);
    assertThat(value(record).at("/alert/labels/kind").asText()).isEqualTo("funding-gap");
    assertThat(value(record).at("/alert/unmet/amount").asText()).isEqualTo("700000.00");
  }

  @Test
  void aResolvedFundingGapIsPublishedAsTheContractDescribesIt() {
    aFundingChange().forAppeal(appeal).atVersion(1).covered("30.00").publishAndAwait();
    aFundingChange().forAppeal(appeal).atVersion(2).covered("75.00").publishAndAwait();

    var record = AlertEvents.published(AlertEvents.RESOLVED, alertOf(appeal, "funding-gap"));

    assertMatchesContract(record);
    assertThat(value(record).at("/alert/endsAt").asText())
        .isEqualTo(TestClock.DEFAULT_NOW.toString());
  }

  @Test
  void aLineLevelGapIsPublishedAsTheContractDescribesIt() {
    aFundingChange()
        .forAppeal(appeal)
        .covered("60.00")
        .group("priority", "NON_EMERGENCY", "31.00")
        .publishAndAwait();
    String rule = "contract-lines-" + appeal.toLowerCase();
    given()
        .contentType("application/json")
        .body(
            """
            {"name":"%s","description":"lines","kind":"FUNDING_GAP","appealCode":"%s",
             "labels":{},"thresholdPercent":"40.00","groupBy":"priority"}"""
                .formatted(rule, appeal))
        .when()
        .post("/alert-rules")
        .then()
        .statusCode(201);

    var record = AlertEvents.published(AlertEvents.FIRING, alertOf(appeal, rule));

    assertMatchesContract(record);
    assertThat(value(record).at("/alert/labels/priority").asText()).isEqualTo("NON_EMERGENCY");
    assertThat(value(record).at("/alert/labels/level").asText()).isEqualTo("line");
  }

  @Test
  void anOverdueInstalmentIsPublishedAsTheContractDescribesIt() {
    clock.set(java.time.Instant.parse("1997-12-30T09:00:00Z")); // 91 days past 1997-09-30
    var pledge = PledgeEvents.aPledge().forAppeal(appeal);
    pledge.publishAndAwait(PledgeEvents.INSTALMENT_OVERDUE);

    var record = AlertEvents.published(AlertEvents.FIRING, alertOf(appeal, "overdue-90"));

    assertMatchesContract(record);
    assertThat(value(record).at("/alert/days").asInt()).isEqualTo(91);
    assertThat(value(record).at("/alert/labels/donor").asText()).isEqualTo("NOR");
  }

  @Test
  void anUnmatchedReceiptIsPublishedKeyedByItsDonor() {
    var receipt = ReceiptEvents.aReceipt().by("DNK"); // value date 1997-10-15: 47 days ago
    receipt.publishAndAwait(ReceiptEvents.RECORDED);
    String alertId =
        given()
            .queryParam("rule", "unmatched-receipt")
            .when()
            .get("/alerts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("find { it.labels.receipt == '" + receipt.id() + "' }.id");

    var record = AlertEvents.published(AlertEvents.FIRING, alertId);

    assertMatchesContract(record);
    assertThat(record.key()).isEqualTo("DNK");
    assertThat(value(record).get("appealCode").isNull()).isTrue();
  }

  @Test
  void aProjectedFundingGapIsPublishedAsTheContractDescribesIt() {
    var projection = org.jointappeal.notification.Projections.aProjection(appeal).covering("30.00");
    assertThat(
            violations(
                EVENTS.resolve(org.jointappeal.notification.Projections.PROJECTED + ".schema.json"),
                projection.json()))
        .as("the test's projection matches the contract")
        .isEmpty();
    projection.publishAndAwait();

    var record =
        AlertEvents.published(AlertEvents.FIRING, alertOf(appeal, "projected-funding-gap"));

    assertMatchesContract(record);
    assertThat(value(record).at("/alert/labels/kind").asText()).isEqualTo("projected-funding-gap");
  }

  /** The one alert of the appeal raised by the rule (tests use fresh appeals). */
  static String alertOf(String appealCode, String rule) {
    List<String> ids =
        given()
            .queryParam("appealCode", appealCode)
            .queryParam("rule", rule)
            .when()
            .get("/alerts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id", String.class);
    assertThat(ids).as("alerts of %s by %s", appealCode, rule).hasSize(1);
    return ids.get(0);
  }

  /** Headers, value, subject and key as the contract describes them. */
  static void assertMatchesContract(ConsumerRecord<String, String> record) {
    String type = KafkaTestClient.header(record, "ce_type");
    Path schema = EVENTS.resolve(type + ".schema.json");
    assertThat(schema).as("the contract's schema for ce_type %s", type).isRegularFile();
    assertThat(violations(EVENTS.resolve("cloudevents-headers.schema.json"), headers(record)))
        .as("headers of %s", type)
        .isEmpty();
    assertThat(violations(schema, record.value())).as("value of %s", type).isEmpty();
    var value = value(record);
    assertThat(KafkaTestClient.header(record, "ce_subject"))
        .isEqualTo(value.at("/alert/alertId").asText());
    String expectedKey =
        value.path("appealCode").isNull()
            ? value.at("/alert/labels/donor").asText()
            : value.path("appealCode").asText();
    assertThat(record.key()).as("record key of %s", type).isEqualTo(expectedKey);
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

  static JsonNode value(ConsumerRecord<String, String> record) {
    try {
      return JSON_READER.readTree(record.value());
    } catch (JsonProcessingException e) {
      throw new AssertionError("record value is not JSON: " + record.value(), e);
    }
  }
}
