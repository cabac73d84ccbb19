package org.jointappeal.pledge.bankstatement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jointappeal.pledge.StackResource;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI examples of the bank statement operations: each parses (the statement as the import
 * reads it), and every status an operation documents carries an example.
 */
@QuarkusTest
@StackResource
class BankStatementExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theExampleStatementIsAValidCamt053() {
    var statement = Camt053.parse(BankStatementExamples.STATEMENT.getBytes(StandardCharsets.UTF_8));

    assertThat(statement.id()).isEqualTo("UBS-1997-10-15-001");
    assertThat(statement.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reference()).isEqualTo("NDEA-19971015-0042");
              assertThat(e.amount().amount()).isEqualByComparingTo("746000.00");
              assertThat(e.debtorIban()).isEqualTo("NO9386011117947");
              assertThat(e.endToEndIds()).containsExactly("NOR-GEO-1997-01");
            });
  }

  @Test
  void everyDocumentedStatusOfTheNewOperationsHasAnExample() throws Exception {
    JsonNode paths =
        JSON.readTree(
                given()
                    .queryParam("format", "json")
                    .when()
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString())
            .path("paths");
    var missing = new ArrayList<String>();
    for (String path :
        List.of(
            "/bank-statements",
            "/bank-statements/{bankStatementId}",
            "/unmatched-receipts",
            "/unmatched-receipts/{entryId}",
            "/unmatched-receipts/{entryId}/donor-assignment")) {
      JsonNode operations = paths.path(path);
      assertThat(operations.isMissingNode()).as(path).isFalse();
      operations
          .fields()
          .forEachRemaining(
              op ->
                  op.getValue()
                      .path("responses")
                      .fields()
                      .forEachRemaining(
                          response -> {
                            var examples = new ArrayList<JsonNode>();
                            response
                                .getValue()
                                .path("content")
                                .forEach(media -> examples.add(media.path("examples")));
                            if (examples.isEmpty()
                                || examples.stream()
                                    .anyMatch(e -> e.isMissingNode() || e.isEmpty())) {
                              missing.add(op.getKey() + " " + path + " " + response.getKey());
                            }
                          }));
    }
    assertThat(missing).as("responses without an example").isEmpty();
  }
}
