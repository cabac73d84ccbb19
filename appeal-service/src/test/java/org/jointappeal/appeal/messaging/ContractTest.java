package org.jointappeal.appeal.messaging;

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
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.KafkaTestClient;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.events.AppealClosedV1;
import org.jointappeal.appeal.events.AppealCreatedV1;
import org.jointappeal.appeal.events.AppealLaunchedV1;
import org.jointappeal.appeal.events.AppealRevisedV1;
import org.jointappeal.appeal.events.AppealUpdatedV1;
import org.jointappeal.appeal.funding.PledgeEvents;
import org.junit.jupiter.api.Test;

/**
 * The records this service publishes, produced by the real code and read from the real topics,
 * match the event contract: {@code docs/events/<ce_type>.schema.json} for the value (strict: a
 * field the contract does not describe fails), {@code docs/events/cloudevents-headers.schema.json}
 * for the headers, and the record key is the payload's appeal code.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
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

  @Test
  void aCreatedAppealIsPublishedAsTheContractDescribesIt() {
    String code = Appeals.uniqueCode();
    create(code);

    var record = published("appeal-events", code, AppealCreatedV1.TYPE);

    assertMatchesContract(record);
    assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(code);
  }

  @Test
  void aLaunchedAppealIsPublishedAsTheContractDescribesIt() {
    String code = Appeals.uniqueCode();
    create(code);
    launch(code);

    var record = published("appeal-events", code, AppealLaunchedV1.TYPE);

    assertMatchesContract(record);
    assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(code);
  }

  @Test
  void changedFundingIsPublishedAsTheContractDescribesIt() {
    String code = Appeals.uniqueCode();
    create(code);
    launch(code); // funding version 1: zero funding
    PledgeEvents.send(PledgeEvents.COMMITTED, code, UUID.randomUUID(), "250000.00", "COMMITTED", 1);

    var records =
        KafkaTestClient.readUntil(
            "funding-events",
            r -> r.value().contains(code) && r.value().contains("\"version\":2"),
            PUBLISHED);

    var ofThisAppeal = records.stream().filter(r -> r.value().contains(code)).toList();
    assertThat(ofThisAppeal).hasSize(2);
    ofThisAppeal.forEach(ContractTest::assertMatchesContract);
    assertThat(KafkaTestClient.header(ofThisAppeal.get(1), "ce_subject")).isEqualTo(code);
  }

  @Test
  void anUpdatedDraftIsPublishedAsTheContractDescribesIt() {
    String code = Appeals.uniqueCode();
    create(code);
    given()
        .contentType(JSON)
        .header("If-Match", "\"0\"")
        .body(
            """
            {"title":"Edited","agencies":["UNHCR"],"periodStart":"1997-01-01",
             "periodEnd":"1997-12-31","description":null,"requirementLines":[%s]}"""
                .formatted(Appeals.line("GEO", "UNHCR", "10.00", "USD")))
        .when()
        .put("/appeals/" + code)
        .then()
        .statusCode(200);

    assertMatchesContract(published("appeal-events", code, AppealUpdatedV1.TYPE));
  }

  @Test
  void aRevisedAppealIsPublishedAsTheContractDescribesIt() {
    String code = Appeals.uniqueCode();
    create(code);
    launch(code);
    given()
        .contentType(JSON)
        .body(
            """
            {"reason":"Mid-year review","effectiveOn":"1997-12-01","requirementLines":[%s]}"""
                .formatted(Appeals.line("GEO", "UNHCR", "700000.00", "USD")))
        .when()
        .post("/appeals/" + code + "/revisions")
        .then()
        .statusCode(201);

    var record = published("appeal-events", code, AppealRevisedV1.TYPE);

    assertMatchesContract(record);
    assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(code);
  }

  @Test
  void aClosedAppealIsPublishedAsTheContractDescribesIt() {
    String code = Appeals.uniqueCode();
    create(code);
    launch(code);
    given().when().post("/appeals/" + code + "/close").then().statusCode(200);

    assertMatchesContract(published("appeal-events", code, AppealClosedV1.TYPE));
  }

  @Test
  void fundingFromEarmarkedAndPaidPledgesIsPublishedAsTheContractDescribesIt() {
    String code = Appeals.uniqueCode();
    create(code);
    launch(code);
    PledgeEvents.aPledge(code, UUID.randomUUID())
        .status("PARTIALLY_PAID")
        .version(2)
        .paid("1000.50")
        .outstanding("2000.00")
        .softly("IOM", "TJK")
        .send(PledgeEvents.PAYMENT_ALLOCATED);

    var records =
        KafkaTestClient.readUntil(
            "funding-events",
            r -> r.value().contains(code) && r.value().contains("\"version\":2"),
            PUBLISHED);

    var last = records.get(records.size() - 1);
    assertMatchesContract(last);
    assertThat(last.value()).contains("\"paid\":{\"amount\":\"1000.50\"");
    var groups = readTree(last.value()).get("groups");
    assertThat(groups.fieldNames())
        .toIterable()
        .containsExactly("country", "agency", "sector", "category", "priority");
    assertThat(groups.get("agency").findValuesAsText("key")).contains("IOM");
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return JSON_READER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static void create(String code) {
    given()
        .contentType(JSON)
        .body(Appeals.draft(code))
        .when()
        .post("/appeals")
        .then()
        .statusCode(201);
  }

  private static void launch(String code) {
    given().when().post("/appeals/" + code + "/launch").then().statusCode(200);
  }

  /** Found by type and content, not by key or subject: those are for the contract to check. */
  private static ConsumerRecord<String, String> published(String topic, String code, String type) {
    var records =
        KafkaTestClient.readUntil(
            topic,
            r -> type.equals(KafkaTestClient.header(r, "ce_type")) && r.value().contains(code),
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
    assertThat(record.key())
        .as("record key of %s", type)
        .isEqualTo(value(record).path("appealCode").asText());
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
