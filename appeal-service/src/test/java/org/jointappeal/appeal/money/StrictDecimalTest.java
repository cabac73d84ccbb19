package org.jointappeal.appeal.money;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.stream.Stream;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.StackResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of malformed requirement amounts: a 422 naming the line's field, nothing stored.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class StrictDecimalTest {

  static Stream<Arguments> malformedAmounts() {
    return Stream.of(
        Arguments.of("a JSON number", "600000", "malformed-decimal"),
        Arguments.of("a JSON number with a fraction", "600000.00", "malformed-decimal"),
        Arguments.of("an exponent", "\"6e5\"", "malformed-decimal"),
        Arguments.of("a thousands separator", "\"600,000.00\"", "malformed-decimal"),
        Arguments.of("a blank separator", "\"600 000.00\"", "malformed-decimal"),
        Arguments.of("a leading plus", "\"+600000.00\"", "malformed-decimal"),
        Arguments.of("surrounding blanks", "\"600000.00 \"", "malformed-decimal"),
        Arguments.of("NaN", "\"NaN\"", "malformed-decimal"),
        Arguments.of("Infinity", "\"-Infinity\"", "malformed-decimal"),
        Arguments.of("an empty string", "\"\"", "malformed-decimal"),
        Arguments.of("too many decimals", "\"600000.001\"", "too-many-decimals"),
        Arguments.of("a negative amount", "\"-600000.00\"", "amount-not-positive"),
        Arguments.of("zero", "\"0\"", "amount-not-positive"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedAmounts")
  void aMalformedRequirementAmountIsA422NamingTheField(String what, String json, String type) {
    String code = Appeals.uniqueCode();
    String badLine =
        Appeals.line("TJK", "IOM", "0", "USD").replace("\"amount\":\"0\"", "\"amount\":" + json);
    given()
        .contentType(JSON)
        .body(Appeals.draft(code, Appeals.line("GEO", "UNHCR", "600000.00", "USD") + "," + badLine))
        .when()
        .post("/appeals")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/" + type))
        .body("errors.field", contains("requirementLines[1].amount.amount"));
    assertThat(Db.count("select count(*) from appeal where code = ?", code)).isZero();
  }
}
