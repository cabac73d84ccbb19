package org.jointappeal.pledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document shows an example for every answer with a body of the reconciliation and
 * export operations (a 401 has no body). Older operations are not held to it yet.
 */
@QuarkusTest
@StackResource
class OpenApiTest {

  @Test
  void reconciliationAndExportOperationsHaveAnExampleOfEveryAnswer() throws Exception {
    JsonNode doc = document();
    var checked = new ArrayList<String>();
    var withoutExample = new ArrayList<String>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path -> {
              if (!path.getKey().startsWith("/reconciliation")
                  && !path.getKey().startsWith("/exports")) {
                return;
              }
              path.getValue()
                  .fields()
                  .forEachRemaining(
                      operation ->
                          operation
                              .getValue()
                              .path("responses")
                              .fields()
                              .forEachRemaining(
                                  response -> {
                                    String name =
                                        operation.getKey()
                                            + " "
                                            + path.getKey()
                                            + " "
                                            + response.getKey();
                                    checked.add(name);
                                    if (response.getKey().equals("401")) {
                                      return;
                                    }
                                    var content = response.getValue().path("content");
                                    boolean example = content.size() > 0;
                                    for (JsonNode media : content) {
                                      example &= media.has("examples") || media.has("example");
                                    }
                                    if (!example) {
                                      withoutExample.add(name);
                                    }
                                  }));
            });
    assertThat(checked).hasSizeGreaterThanOrEqualTo(15);
    assertThat(withoutExample).isEmpty();
  }

  @Test
  void everyOperationHasItsOwnOperationId() throws Exception {
    JsonNode doc = document();
    // operation-id-strategy=METHOD: two resource methods of the same name would share an id,
    // and client generators would fold or rename them
    var operations = new ArrayList<String>();
    var operationIds = new ArrayList<String>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          if (operation.getValue().has("responses")) {
                            operations.add(operation.getKey() + " " + path.getKey());
                            operationIds.add(operation.getValue().path("operationId").asText());
                          }
                        }));
    assertThat(operationIds).hasSameSizeAs(operations).doesNotContain("").doesNotHaveDuplicates();
  }

  @Test
  void everyOperationHasASummaryAndItsResponses() throws Exception {
    JsonNode doc = document();
    var undocumented = new ArrayList<String>();
    var operations = new ArrayList<String>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          if (!operation.getValue().isObject()
                              || !operation.getValue().has("operationId")) {
                            return; // a path's parameters, not an operation
                          }
                          String name = operation.getKey() + " " + path.getKey();
                          operations.add(name);
                          if (operation.getValue().path("summary").asText().isBlank()
                              || operation.getValue().path("responses").isEmpty()) {
                            undocumented.add(name);
                          }
                        }));
    assertThat(operations).isNotEmpty();
    assertThat(undocumented).as("operations without a summary or responses").isEmpty();
  }

  /** The service's OpenAPI document, as a client generator reads it. */
  private static JsonNode document() throws Exception {
    return new ObjectMapper()
        .readTree(
            given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
  }
}
