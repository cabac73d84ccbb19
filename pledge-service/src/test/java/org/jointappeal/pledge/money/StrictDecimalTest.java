package org.jointappeal.pledge.money;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.stream.Stream;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.Pledges;
import org.jointappeal.pledge.StackResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of malformed amounts and rates: each is a 422 naming the field, and nothing is
 * recorded. Values are written as raw JSON, exactly as a client would send them.
 */
@QuarkusTest
@StackResource
class StrictDecimalTest {

  String appeal;

  @BeforeEach
  void launchedAppeal() {
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Pledges.rate("NOK", "1997-07-01", "7.46");
  }

  static Stream<Arguments> malformedAmounts() {
    return Stream.of(
        Arguments.of("a JSON number", "7400", "malformed-decimal"),
        Arguments.of("a JSON number with a fraction", "7400.50", "malformed-decimal"),
        Arguments.of("an exponent", "\"1e6\"", "malformed-decimal"),
        Arguments.of("an upper-case exponent", "\"1.5E+6\"", "malformed-decimal"),
        Arguments.of("a thousands separator", "\"1,000.00\"", "malformed-decimal"),
        Arguments.of("a blank separator", "\"1 000.00\"", "malformed-decimal"),
        Arguments.of("an apostrophe separator", "\"1'000.00\"", "malformed-decimal"),
        Arguments.of("a decimal comma", "\"1000,50\"", "malformed-decimal"),
        Arguments.of("a leading plus", "\"+1000.00\"", "malformed-decimal"),
        Arguments.of("surrounding blanks", "\" 1000.00\"", "malformed-decimal"),
        Arguments.of("a trailing point", "\"1000.\"", "malformed-decimal"),
        Arguments.of("a leading point", "\".50\"", "malformed-decimal"),
        Arguments.of("NaN", "\"NaN\"", "malformed-decimal"),
        Arguments.of("Infinity", "\"Infinity\"", "malformed-decimal"),
        Arguments.of("an empty string", "\"\"", "malformed-decimal"),
        Arguments.of("a boolean", "true", "malformed-decimal"),
        Arguments.of("an object", "{\"value\":\"1\"}", "malformed-decimal"),
        Arguments.of("too many decimals", "\"1000.001\"", "too-many-decimals"),
        Arguments.of("a negative amount", "\"-1000.00\"", "amount-not-positive"),
        Arguments.of("zero", "\"0.00\"", "amount-not-positive"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedAmounts")
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aMalformedPledgeAmountIsA422NamingTheField(String what, String json, String type) {
    long before = Db.count("select count(*) from pledge where appeal_code = ?", appeal);
    given()
        .contentType(JSON)
        .body(
            """
            {"appealCode":"%s","donorCode":"NOR","amount":{"amount":%s,"currency":"NOK"},
             "announcedOn":"1997-07-02"}"""
                .formatted(appeal, json))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/" + type))
        .body("errors.field", contains("amount.amount"));
    assertThat(Db.count("select count(*) from pledge where appeal_code = ?", appeal))
        .isEqualTo(before);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aMalformedInstalmentAmountNamesTheInstalment() {
    given()
        .contentType(JSON)
        .body(
            """
            {"appealCode":"%s","donorCode":"NOR","amount":{"amount":"1000.00","currency":"NOK"},
             "announcedOn":"1997-07-02",
             "instalments":[{"dueOn":"1997-09-30","amount":{"amount":"500.00","currency":"NOK"}},
                            {"dueOn":"1997-12-31","amount":{"amount":5E2,"currency":"NOK"}}]}"""
                .formatted(appeal))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/malformed-decimal"))
        .body("errors.field", contains("instalments[1].amount.amount"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aPlainDecimalStringIsStillMoney() {
    given()
        .contentType(JSON)
        .body(
            """
            {"appealCode":"%s","donorCode":"NOR","amount":{"amount":"-0","currency":"NOK"},
             "announcedOn":"1997-07-02"}"""
                .formatted(appeal))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/amount-not-positive"));
    given()
        .contentType(JSON)
        .body(
            """
            {"appealCode":"%s","donorCode":"NOR","amount":{"amount":"7400","currency":"NOK"},
             "announcedOn":"1997-07-02"}"""
                .formatted(appeal))
        .when()
        .post("/pledges")
        .then()
        .statusCode(201)
        .body("amount.amount", equalTo("7400.00"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aMalformedReceiptAmountIsA422NamingTheField() {
    given()
        .contentType(JSON)
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .body(
            """
            {"donorCode":"NOR","amount":{"amount":"1e3","currency":"NOK"},
             "valueDate":"1997-07-10","bankReference":"R-1"}""")
        .when()
        .post("/receipts")
        .then()
        .statusCode(422)
        .body("type", endsWith("/malformed-decimal"))
        .body("errors.field", contains("amount.amount"));
  }

  static Stream<Arguments> malformedRates() {
    return Stream.of(
        Arguments.of("a JSON number", "7.46", "malformed-decimal"),
        Arguments.of("an exponent", "\"1e3\"", "malformed-decimal"),
        Arguments.of("a separator", "\"1,000.5\"", "malformed-decimal"),
        Arguments.of("a leading plus", "\"+7.46\"", "malformed-decimal"),
        Arguments.of("NaN", "\"NaN\"", "malformed-decimal"),
        Arguments.of("an empty string", "\"\"", "malformed-decimal"),
        Arguments.of("too many decimals", "\"7.4600001\"", "invalid-rate"),
        Arguments.of("a negative rate", "\"-7.46\"", "invalid-rate"),
        Arguments.of("zero", "\"0\"", "invalid-rate"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedRates")
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aMalformedRateIsA422NamingTheField(String what, String json, String type) {
    given()
        .contentType(JSON)
        .body("{\"unitsPerUsd\":%s}".formatted(json))
        .when()
        .put("/exchange-rates/ISK/1997-07-01")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/" + type))
        .body("errors.field", contains("unitsPerUsd"));
    assertThat(Db.count("select count(*) from unore_rate where currency = ?", "ISK")).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedRates")
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aMalformedRateInAnUploadedTableNamesItsLine(String what, String json, String type) {
    String cell = json.startsWith("\"") ? json.substring(1, json.length() - 1) : json;
    if (cell.contains(",") || !json.startsWith("\"")) {
      return; // a comma is a CSV cell boundary; a JSON number has no CSV counterpart
    }
    given()
        .contentType("text/csv")
        .body("currency,unitsPerUsd,effectiveFrom\nISK,70.5,1997-06-01\nISK," + cell + ",1997-07\n")
        .when()
        .post("/exchange-rates")
        .then()
        .statusCode(422)
        .body("type", endsWith("/invalid-rate-table"))
        .body("errors.field", contains("line 3"));
    assertThat(Db.count("select count(*) from unore_rate where currency = ?", "ISK")).isZero();
  }
}
