package org.jointappeal.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The service's OpenAPI document, as client generators read it. */
@QuarkusTest
@StackResource
class OpenApiTest {

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
