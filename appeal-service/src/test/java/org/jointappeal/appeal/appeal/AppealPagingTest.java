package org.jointappeal.appeal.appeal;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.StackResource;
import org.junit.jupiter.api.Test;

/** GET /appeals pages by cursor, newest period first, in SQL. */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class AppealPagingTest {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  @Test
  void followingNextGivesEveryAppealOnceInTheOrderOfOnePage() {
    var mine = new ArrayList<String>();
    for (int n = 0; n < 3; n++) {
      String code = Appeals.uniqueCode();
      given()
          .contentType(JSON)
          .body(Appeals.draft(code))
          .when()
          .post("/appeals")
          .then()
          .statusCode(201);
      mine.add(code);
    }
    var seen = new ArrayList<String>();
    String uri = "/appeals?limit=2";
    String lastLink = "";
    while (uri != null) {
      var page = given().when().get(URI.create(uri)).then().statusCode(200).extract();
      List<String> codes = page.path("code");
      assertThat(codes).hasSizeLessThanOrEqualTo(2);
      seen.addAll(codes);
      lastLink = page.header("Link");
      uri = null;
      if (lastLink != null) {
        var matcher = NEXT.matcher(lastLink);
        assertThat(matcher.find()).isTrue();
        uri = matcher.group(1);
      }
    }
    List<String> whole =
        given().queryParam("limit", 1000).when().get("/appeals").then().extract().path("code");
    assertThat(seen).doesNotHaveDuplicates().containsAll(mine).isEqualTo(whole);
    assertThat(lastLink).isNull();
  }

  @Test
  void aLimitOutOfRangeIsRefused() {
    for (String limit : List.of("0", "1001")) {
      given()
          .queryParam("limit", limit)
          .when()
          .get("/appeals")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }
}
