package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.jointappeal.notification.FundingEvents.aFundingChange;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.util.UUID;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule cannot set the labels the engine sets: with {@code donor=NOR} an appeal-wide alert would
 * be shown to that donor, with {@code appeal} it would become a mail subject. Label values keep to
 * a safe character set.
 */
@QuarkusTest
@StackResource
class ReservedLabelsTest {

  private static final String PROBLEM = "application/problem+json";

  private static io.restassured.response.ValidatableResponse postWithLabels(String labels) {
    return given()
        .contentType("application/json")
        .body(
            """
            {"name":"%s","description":"test rule","kind":"FUNDING_GAP","appealCode":null,
             "labels":%s,"thresholdPercent":"40.00"}"""
                .formatted(Rules.uniqueName("labels"), labels))
        .when()
        .post("/alert-rules")
        .then();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"appeal", "donor", "kind", "rule", "level", "pledge", "bucket", "priority"})
  @TestSecurity(user = "manager", roles = "appeal-manager")
  void aLabelTheEngineSetsIsRefused(String label) {
    postWithLabels("{\"%s\":\"NOR\"}".formatted(label))
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo("https://jointappeal.org/problems/reserved-label"))
        .body("detail", containsString("labels." + label));
  }

  @Test
  @TestSecurity(user = "manager", roles = "appeal-manager")
  void aSeverityOutsideInfoWarningCriticalIsRefused() {
    postWithLabels("{\"severity\":\"urgent\"}")
        .statusCode(422)
        .contentType(PROBLEM)
        .body("detail", containsString("labels.severity"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"geo\\nBcc: x@example.org", "a b", "<script>", ""})
  @TestSecurity(user = "manager", roles = "appeal-manager")
  void aLabelValueOutsideTheSafeCharactersIsRefused(String value) {
    postWithLabels("{\"team\":\"%s\"}".formatted(value))
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem(containsString("labels")));
  }

  /**
   * The leak of the issue: a rule stored with {@code donor=NOR} before such labels were refused.
   * Its appeal-wide gap alert carries no donor label, so the donor does not see it.
   */
  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aRuleStoredWithADonorLabelShowsItsAppealWideAlertToNoDonor() {
    String appeal = uniqueAppealCode();
    String name = Rules.uniqueName("leak");
    Db.update(
        """
        insert into alert_rule (id, name, description, kind, appeal_code, labels,
                                threshold_percent, created_at, updated_at, version)
        values (?, ?, 'stored before labels were reserved', 'FUNDING_GAP', ?,
                '{"donor":"NOR","severity":"warning"}', 40.00, now(), now(), 0)""",
        UUID.randomUUID(),
        name,
        appeal);

    aFundingChange().forAppeal(appeal).covered("30.00").publishAndAwait();

    org.assertj.core.api.Assertions.assertThat(
            Db.column(
                "select labels ->> 'donor' from alert where appeal_code = ? and rule = ?",
                appeal,
                name))
        .containsExactly((Object) null);
    given()
        .queryParam("appeal", appeal)
        .when()
        .get("/alerts")
        .then()
        .statusCode(200)
        .body("$", org.hamcrest.Matchers.empty());
  }
}
