package org.jointappeal.appeal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service's OpenAPI document, as client generators and integrators read it: every operation has
 * its own id, a summary, its responses and an example of each body it takes or answers with on
 * success; every secured operation has the standard 401, 403 and 404 (web.StandardAnswers), and
 * every error answer is a problem.
 */
@QuarkusTest
@StackResource
class OpenApiTest {

  record Operation(String method, String path, JsonNode node) {
    String name() {
      return method.toUpperCase() + " " + path;
    }

    boolean secured() {
      return node.path("security").size() > 0;
    }

    JsonNode response(String status) {
      return node.path("responses").path(status);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static List<Operation> operations;
  private static JsonNode components;

  /** The document's operations, read once (RestAssured knows the port only once a test runs). */
  private static List<Operation> operations() throws Exception {
    if (operations != null) {
      return operations;
    }
    JsonNode doc =
        JSON.readTree(
            given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    components = doc.path("components");
    assertThat(components.path("schemas").has("Problem")).isTrue();
    operations = new ArrayList<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          // a path's own parameters or summary are not operations
                          if (operation.getValue().has("responses")) {
                            operations.add(
                                new Operation(
                                    operation.getKey(), path.getKey(), operation.getValue()));
                          }
                        }));
    return operations;
  }

  @Test
  void everyOperationHasItsOwnOperationId() throws Exception {
    // operation-id-strategy=METHOD: two resource methods of the same name would share an id,
    // and client generators would fold or rename them
    var operationIds =
        operations().stream()
            .map(operation -> operation.node().path("operationId").asText())
            .toList();
    assertThat(operationIds).isNotEmpty().doesNotContain("").doesNotHaveDuplicates();
  }

  @Test
  void everyOperationHasASummaryItsResponsesAndAnExample() throws Exception {
    var undocumented = new ArrayList<String>();
    var withoutExample = new ArrayList<String>();
    for (Operation operation : operations()) {
      if (operation.node().path("summary").asText().isBlank()
          || operation.node().path("responses").isEmpty()) {
        undocumented.add(operation.name());
      }
      if (operation.node().findValues("examples").isEmpty()
          && operation.node().findValues("example").isEmpty()) {
        withoutExample.add(operation.name());
      }
    }
    assertThat(operations()).isNotEmpty();
    assertThat(undocumented).as("operations without a summary or responses").isEmpty();
    assertThat(withoutExample).as("operations without any example").isEmpty();
  }

  @Test
  void everyRequestBodyAndSuccessfulAnswerBodyHasAnExample() throws Exception {
    var withoutExample = new ArrayList<String>();
    for (Operation operation : operations()) {
      withoutExample.addAll(
          mediaTypesWithoutExample(
              operation.name() + " request", operation.node().path("requestBody")));
      operation
          .node()
          .path("responses")
          .fields()
          .forEachRemaining(
              response -> {
                if (response.getKey().startsWith("2")) {
                  withoutExample.addAll(
                      mediaTypesWithoutExample(
                          operation.name() + " " + response.getKey(), response.getValue()));
                }
              });
    }
    assertThat(withoutExample).as("bodies without an example").isEmpty();
  }

  @Test
  void securedOperationsHaveTheStandardAnswersAndEveryErrorIsAProblem() throws Exception {
    var missing = new ArrayList<String>();
    for (Operation operation : operations()) {
      if (operation.secured()) {
        // a 401 without a token is a problem; with an invalid one it has no body (the description)
        var standard = new ArrayList<>(List.of("401", "403"));
        if (operation.path().contains("{")) {
          standard.add("404");
        }
        for (String status : standard) {
          JsonNode problem =
              operation.response(status).path("content").path("application/problem+json");
          if (!problem.has("examples") && !problem.has("example")) {
            missing.add(operation.name() + " " + status + " with a problem example");
          }
        }
      }
      operation
          .node()
          .path("responses")
          .fields()
          .forEachRemaining(
              response -> {
                if (response.getKey().matches("[45]\\d\\d")
                    && !response.getValue().path("content").has("application/problem+json")) {
                  missing.add(operation.name() + " " + response.getKey() + " as a problem");
                }
              });
    }
    assertThat(operations().stream().filter(Operation::secured)).isNotEmpty();
    assertThat(missing).isEmpty();
  }

  @Test
  void everyJsonExampleMatchesItsSchema() throws Exception {
    var mismatches = new ArrayList<String>();
    int checked = 0;
    for (Operation operation : operations()) {
      var bodies = new ArrayList<Map.Entry<String, JsonNode>>();
      bodies.add(Map.entry("request", operation.node().path("requestBody")));
      operation.node().path("responses").fields().forEachRemaining(bodies::add);
      for (var body : bodies) {
        for (Iterator<Map.Entry<String, JsonNode>> media = body.getValue().path("content").fields();
            media.hasNext(); ) {
          var type = media.next();
          JsonNode schemaNode = type.getValue().path("schema");
          if (!type.getKey().contains("json") || schemaNode.isMissingNode()) {
            continue;
          }
          // the schema with the document's components, so that its $refs resolve
          ObjectNode root = JSON.createObjectNode();
          root.set("components", components);
          root.putArray("allOf").add(schemaNode);
          var schema = SCHEMAS.getSchema(JSON.writeValueAsString(root), InputFormat.JSON);
          for (Iterator<Map.Entry<String, JsonNode>> examples =
                  type.getValue().path("examples").fields();
              examples.hasNext(); ) {
            var example = examples.next();
            JsonNode value = example.getValue().path("value");
            if (value.isTextual()) {
              value = JSON.readTree(value.asText());
            }
            checked++;
            var errors =
                schema.validate(JSON.writeValueAsString(withoutNulls(value)), InputFormat.JSON);
            if (!errors.isEmpty()) {
              mismatches.add(
                  operation.name() + " " + body.getKey() + " " + example.getKey() + ": " + errors);
            }
          }
        }
      }
    }
    assertThat(checked).isPositive();
    assertThat(mismatches).as("examples that do not match their schema").isEmpty();
  }

  /**
   * The example without its null fields: a null stands for an optional field left out, and the
   * generated schemas do not say which fields may be null.
   */
  private static JsonNode withoutNulls(JsonNode value) {
    JsonNode copy = value.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      var nulls = new ArrayList<String>();
      object
          .fields()
          .forEachRemaining(
              field -> {
                if (field.getValue().isNull()) {
                  nulls.add(field.getKey());
                }
              });
      object.remove(nulls);
    }
    node.forEach(OpenApiTest::strip);
  }

  private static List<String> mediaTypesWithoutExample(String name, JsonNode bodyOrResponse) {
    var without = new ArrayList<String>();
    bodyOrResponse
        .path("content")
        .fields()
        .forEachRemaining(
            media -> {
              if (!media.getValue().has("examples") && !media.getValue().has("example")) {
                without.add(name + " " + media.getKey());
              }
            });
    return without;
  }
}
