package org.jointappeal.pledge.pledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /pledges pages with limit and cursor, filtered and ordered in SQL. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class PledgePagingTest {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppeal() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
  }

  private List<String> announced(int count) {
    var ids = new ArrayList<String>();
    for (int n = 0; n < count; n++) {
      ids.add(PledgeFixtures.announceAsFinanceOfficer(appeal, "USA", "10" + n + ".00", "USD"));
    }
    return ids;
  }

  private static ExtractableResponse<Response> get(String uri) {
    return given().when().get(URI.create(uri)).then().statusCode(200).extract();
  }

  private static String next(ExtractableResponse<Response> page) {
    String link = page.header("Link");
    if (link == null) {
      return null;
    }
    var matcher = NEXT.matcher(link);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  @Test
  void followingNextWalksTheFilteredListOnceInOrderAndTheLastPageHasNoNextLink() {
    var ids = announced(5);
    String other = Appeals.uniqueCode();
    Appeals.launch(other);
    PledgeFixtures.announceAsFinanceOfficer(other, "USA", "1.00", "USD");
    var seen = new ArrayList<String>();
    var page = get("/pledges?appealCode=" + appeal + "&limit=2");
    int pages = 1;
    seen.addAll(page.path("id"));
    for (String next = next(page); next != null; next = next(page)) {
      assertThat(next).contains("limit=2").contains("appealCode=" + appeal).contains("cursor=");
      page = get(next);
      seen.addAll(page.path("id"));
      pages++;
    }
    List<String> whole = get("/pledges?appealCode=" + appeal + "&limit=1000").path("id");
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).isEqualTo(whole);
    assertThat(pages).isEqualTo(3);
    assertThat(page.header("Link")).isNull();
  }

  @Test
  void aFullLastPageHasNoNextLink() {
    announced(2);
    given()
        .queryParam("appealCode", appeal)
        .queryParam("limit", 2)
        .when()
        .get("/pledges")
        .then()
        .statusCode(200)
        .header("Link", nullValue())
        .body("size()", org.hamcrest.Matchers.equalTo(2));
  }

  @Test
  void aLimitOverTheMaximumIsRefused() {
    given()
        .queryParam("limit", 1001)
        .when()
        .get("/pledges")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/invalid-page-request"));
  }

  @Test
  void aLimitBelowOneIsRefused() {
    for (String limit : List.of("0", "-1", "ten")) {
      given()
          .queryParam("limit", limit)
          .when()
          .get("/pledges")
          .then()
          .statusCode(422)
          .body("type", endsWith("/invalid-page-request"));
    }
  }

  @Test
  void aCursorNotHandedOutIsRefused() {
    given()
        .queryParam("cursor", "bm90LWEtY3Vyc29y")
        .when()
        .get("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/invalid-page-request"));
  }

  @Test
  void theMaximumLimitIsAccepted() {
    announced(1);
    given()
        .queryParam("appealCode", appeal)
        .queryParam("limit", 1000)
        .when()
        .get("/pledges")
        .then()
        .statusCode(200)
        .body("size()", org.hamcrest.Matchers.equalTo(1));
  }
}
