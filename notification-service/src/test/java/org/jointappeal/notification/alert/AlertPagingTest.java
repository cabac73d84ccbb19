package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.jointappeal.notification.Alerts.anAlert;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /alerts pages by cursor; limits out of range are a problem, not a 5xx. */
@QuarkusTest
@org.jointappeal.notification.StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class AlertPagingTest {

  @Test
  void aLimitOutOfRangeIsRefused() {
    for (String limit : List.of("0", "1001", "x")) {
      given()
          .queryParam("limit", limit)
          .when()
          .get("/alerts")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorPagesThroughItsOwnAlertsOnlyNewestFirstFilteredInSql() {
    String appeal = uniqueAppealCode();
    var mine = new ArrayList<UUID>();
    for (int n = 0; n < 3; n++) {
      mine.add(
          0,
          anAlert(appeal)
              .label("kind", "pledge-cancelled")
              .label("donor", "NOR")
              .label("pledge", UUID.randomUUID().toString())
              .firingSince(Instant.parse("1997-11-0" + (n + 1) + "T00:00:00Z"))
              .fire());
    }
    anAlert(appeal)
        .label("kind", "pledge-cancelled")
        .label("donor", "SWE")
        .label("pledge", UUID.randomUUID().toString())
        .fire();
    var seen = new ArrayList<String>();
    String uri = "/alerts?appeal=" + appeal + "&limit=2";
    int pages = 0;
    while (uri != null) {
      var page = given().when().get(URI.create(uri)).then().statusCode(200).extract();
      seen.addAll(page.<List<String>>path("id"));
      pages++;
      String link = page.header("Link");
      uri = link == null ? null : link.substring(1, link.indexOf('>'));
    }
    assertThat(seen).containsExactlyElementsOf(mine.stream().map(UUID::toString).toList());
    assertThat(pages).isEqualTo(2);
  }
}
