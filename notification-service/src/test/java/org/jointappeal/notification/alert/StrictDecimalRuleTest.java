package org.jointappeal.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.stream.Stream;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of malformed amounts and percentages in a rule: refused naming the field, nothing
 * stored. A rule's shape is a 400 here (a value the kind refuses is the 422), as for any field.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class StrictDecimalRuleTest {

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("a JSON number", "10000000"),
        Arguments.of("a JSON number with a fraction", "10000000.00"),
        Arguments.of("an exponent", "\"1e7\""),
        Arguments.of("a thousands separator", "\"10,000,000.00\""),
        Arguments.of("a blank separator", "\"10 000 000.00\""),
        Arguments.of("a leading plus", "\"+10000000.00\""),
        Arguments.of("NaN", "\"NaN\""),
        Arguments.of("Infinity", "\"Infinity\""),
        Arguments.of("an empty string", "\"\""),
        Arguments.of("too many decimals", "\"10000000.001\""),
        Arguments.of("a negative amount", "\"-10000000.00\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aMalformedMinimumAmountIsRefusedNamingTheField(String what, String json) {
    String name = Rules.uniqueName("strict");
    Rules.post(name, "LARGE_PLEDGE", null, "\"minAmountUsd\":" + json + ",\"resolveAfter\":\"P7D\"")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("minAmountUsd"));
    assertThat(Db.count("select count(*) from alert_rule where name = ?", name)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aMalformedThresholdIsRefusedNamingTheField(String what, String json) {
    Rules.post(Rules.uniqueName("strict"), "FUNDING_GAP", null, "\"thresholdPercent\":" + json)
        .statusCode(400)
        // a value out of range may break two constraints of the same field
        .body("errors.field", hasItem("thresholdPercent"))
        .body("errors.field", everyItem(equalTo("thresholdPercent")));
  }

  @Test
  void aDecimalStringIsRead() {
    Rules.post(
            Rules.uniqueName("strict"),
            "LARGE_PLEDGE",
            null,
            "\"minAmountUsd\":\"10000000.00\",\"resolveAfter\":\"P7D\"")
        .statusCode(201)
        .body("minAmountUsd", equalTo("10000000.00"));
  }
}
