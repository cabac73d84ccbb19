package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.UUID;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.Pages;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.api.Test;

/** GET /alert-rules pages by cursor in SQL, by name (unique). */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class AlertRulePagingTest {

  @Test
  void everyRuleComesOncePageByPageByName() {
    // a leading digit sorts these before the letters of other tests' rules
    String prefix = "0paged-" + UUID.randomUUID().toString().substring(0, 8);
    for (String n : List.of("c", "a", "b")) {
      Rules.create(
          prefix + "-" + n, "FUNDING_GAP", uniqueAppealCode(), "\"thresholdPercent\":\"40.00\"");
    }

    List<List<String>> pages = Pages.all("/alert-rules?limit=2", "name");
    List<String> whole =
        given()
            .queryParam("limit", 1000)
            .when()
            .get("/alert-rules")
            .then()
            .statusCode(200)
            .extract()
            .path("name");

    assertThat(pages.size()).isGreaterThan(1);
    assertThat(Pages.flat(pages))
        .doesNotHaveDuplicates()
        .hasSize((int) Db.count("select count(*) from alert_rule"))
        .isEqualTo(whole)
        .containsSubsequence(prefix + "-a", prefix + "-b", prefix + "-c");
  }

  @Test
  void aLimitOutOfRangeOrACursorNotOursIsRefused() {
    for (String limit : List.of("0", "1001", "x")) {
      given()
          .queryParam("limit", limit)
          .when()
          .get("/alert-rules")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
    // not base64url; NUL bytes for a name (they would fail in the database, not here)
    for (String cursor : List.of("@@@", "AAAA")) {
      given()
          .queryParam("cursor", cursor)
          .when()
          .get("/alert-rules")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  void aDonorCannotListTheRules() {
    given().queryParam("limit", 1).when().get("/alert-rules").then().statusCode(403);
  }
}
