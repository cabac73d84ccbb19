package org.jointappeal.pledge.pledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Pages;
import org.jointappeal.pledge.Pledges;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /pledges/{id}/history pages the pledge's changes, oldest first, in SQL. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class PledgeHistoryPagingTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppeal() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Pledges.rate("NOK", "1997-07-01", "7.4600");
    Pledges.rate("NOK", "1997-10-01", "7.1000");
  }

  /** Announced, committed, paid in part twice, written off: five changes. */
  private String aPledgeWithFiveChanges(String donor) {
    String pledge = Pledges.committed(appeal, donor, "746.00", "NOK", null);
    Pledges.paid(pledge, donor, "100.00", "NOK", "1997-10-15");
    Pledges.paid(pledge, donor, "200.00", "NOK", "1997-10-20");
    Pledges.writtenOff(pledge, "1997-11-30");
    return pledge;
  }

  @Test
  void followingNextWalksEveryChangeOnceOldestFirst() {
    String pledge = aPledgeWithFiveChanges("NOR");
    aPledgeWithFiveChanges("NOR"); // another pledge's changes interleave in the table

    var pages = Pages.all("/pledges/" + pledge + "/history?limit=2");
    var actions = new ArrayList<String>();
    var versions = new ArrayList<Integer>();
    pages.forEach(
        page -> {
          actions.addAll(page.getList("action"));
          versions.addAll(page.getList("version"));
        });

    assertThat(pages).hasSize(3);
    assertThat(pages.get(2).getList("action")).hasSize(1);
    assertThat(actions)
        .containsExactly(
            "ANNOUNCED", "COMMITTED", "PAYMENT_ALLOCATED", "PAYMENT_ALLOCATED", "WRITTEN_OFF");
    assertThat(versions).isSorted().doesNotHaveDuplicates();
    assertThat(actions)
        .isEqualTo(
            Pages.get("/pledges/" + pledge + "/history?limit=1000")
                .jsonPath()
                .getList("action", String.class));
  }

  @Test
  void aFullLastPageHasNoNextLink() {
    String pledge = Pledges.committed(appeal, "NOR", "746.00", "NOK", null);
    given()
        .queryParam("limit", 2)
        .when()
        .get("/pledges/" + pledge + "/history")
        .then()
        .statusCode(200)
        .header("Link", nullValue())
        .body("action", contains("ANNOUNCED", "COMMITTED"));
  }

  @Test
  void aLimitOutOfRangeOrACursorNotHandedOutIsRefused() {
    String pledge = Pledges.committed(appeal, "NOR", "746.00", "NOK", null);
    String notANumber =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("1997-07-02".getBytes(StandardCharsets.UTF_8));
    for (var query : List.of("limit=0", "limit=1001", "limit=many", "cursor=" + notANumber)) {
      given()
          .when()
          .get("/pledges/" + pledge + "/history?" + query)
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorPagesItsOwnPledgesHistoryAndAnotherDonorsIsNotFound() {
    String own = Pledges.committed(appeal, "NOR", "746.00", "NOK", null);
    String swedens = Pledges.committed(appeal, "SWE", "746.00", "NOK", null);

    assertThat(Pages.<String>values("/pledges/" + own + "/history?limit=1", "action"))
        .containsExactly("ANNOUNCED", "COMMITTED");
    given()
        .queryParam("limit", 1)
        .when()
        .get("/pledges/" + swedens + "/history")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
