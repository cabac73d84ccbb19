package org.jointappeal.notification.alert;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.api.Test;

/** A rule's parameters must fit its kind: shape is 400, a parameter the kind refuses is 422. */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class RuleValidationTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String INVALID_PARAMETERS =
      "https://jointappeal.org/problems/invalid-rule-parameters";

  @Test
  void anOverdueRuleOutsideTheAgeingBucketsIsRefused() {
    Rules.post(Rules.uniqueName("r"), "OVERDUE_INSTALMENT", null, "\"minDaysOverdue\":45")
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo(INVALID_PARAMETERS))
        .body("detail", containsString("minDaysOverdue"));
  }

  @Test
  void aFundingGapRuleWithoutThresholdIsRefused() {
    Rules.post(Rules.uniqueName("r"), "FUNDING_GAP", null, "")
        .statusCode(422)
        .contentType(PROBLEM)
        .body("detail", containsString("thresholdPercent is required"));
  }

  @Test
  void aParameterOfAnotherKindIsRefused() {
    Rules.post(
            Rules.uniqueName("r"),
            "PLEDGE_CANCELLED",
            null,
            "\"resolveAfter\":\"P7D\",\"thresholdPercent\":\"40.00\"")
        .statusCode(422)
        .contentType(PROBLEM)
        .body("detail", containsString("thresholdPercent does not apply to PLEDGE_CANCELLED"));
  }

  @Test
  void anEventLikeRuleWithoutResolveAfterIsRefused() {
    Rules.post(Rules.uniqueName("r"), "LARGE_PLEDGE", null, "\"minAmountUsd\":\"1000000.00\"")
        .statusCode(422)
        .contentType(PROBLEM)
        .body("detail", containsString("resolveAfter is required"));
  }

  @Test
  void anUnmatchedReceiptRuleForOneAppealIsRefused() {
    Rules.post(Rules.uniqueName("r"), "UNMATCHED_RECEIPT", "GEO-1997", "\"minDaysUnallocated\":14")
        .statusCode(422)
        .contentType(PROBLEM)
        .body("detail", containsString("appealCode must be null"));
  }

  @Test
  void aGroupValueWithoutGroupByIsRefused() {
    Rules.post(
            Rules.uniqueName("r"),
            "FUNDING_GAP",
            null,
            "\"thresholdPercent\":\"40.00\",\"groupValue\":\"NON_EMERGENCY\"")
        .statusCode(422)
        .contentType(PROBLEM)
        .body("detail", containsString("groupValue"));
  }

  @Test
  void anUnknownGroupingIsABadRequest() {
    Rules.post(
            Rules.uniqueName("r"),
            "FUNDING_GAP",
            null,
            "\"thresholdPercent\":\"40.00\",\"groupBy\":\"donor\"")
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("groupBy"));
  }

  @Test
  void aResolveAfterThatIsNoDurationIsABadRequest() {
    Rules.post(Rules.uniqueName("r"), "PLEDGE_CANCELLED", null, "\"resolveAfter\":\"a week\"")
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("resolveAfter"));
  }

  @Test
  void aNegativeLargePledgeAmountIsABadRequest() {
    Rules.post(
            Rules.uniqueName("r"),
            "LARGE_PLEDGE",
            null,
            "\"minAmountUsd\":\"-5.00\",\"resolveAfter\":\"P7D\"")
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("minAmountUsd"));
  }
}
