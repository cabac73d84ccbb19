package org.jointappeal.appeal.appeal;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Pages;
import org.jointappeal.appeal.StackResource;
import org.junit.jupiter.api.Test;

/**
 * An appeal's revisions and history page by cursor in SQL, oldest first: followed from the first
 * page to the last, every item comes once, in order; bad limits and cursors are a 422 problem.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "manager", roles = "appeal-manager")
class AppealListsPagingTest {

  private static final String REVISED_LINES =
      Appeals.line("GEO", "UNHCR", "850000.00", "USD")
          + ","
          + Appeals.line("TJK", "IOM", "400000.00", "USD");

  /** A launched appeal revised {@code times} times (revision n has the reason "revision n"). */
  private static String launchedAndRevised(int times) {
    String code = Appeals.uniqueCode();
    given()
        .contentType(JSON)
        .body(Appeals.draft(code))
        .when()
        .post("/appeals")
        .then()
        .statusCode(201);
    given().when().post("/appeals/" + code + "/launch").then().statusCode(200);
    for (int n = 1; n <= times; n++) {
      given()
          .contentType(JSON)
          .body(
              """
              {"reason":"revision %d","effectiveOn":"1997-12-01","requirementLines":[%s]}"""
                  .formatted(n, REVISED_LINES))
          .when()
          .post("/appeals/" + code + "/revisions")
          .then()
          .statusCode(201);
    }
    return code;
  }

  @Test
  void theRevisionsComeOncePageByPageOldestFirstEachWithItsLines() {
    String code = launchedAndRevised(4);

    List<List<Integer>> pages = Pages.all("/appeals/" + code + "/revisions?limit=2", "number");
    List<List<String>> requirements =
        Pages.all("/appeals/" + code + "/revisions?limit=2", "requirements.amount");
    List<List<List<Object>>> lines =
        Pages.all("/appeals/" + code + "/revisions?limit=2", "requirementLines");

    assertThat(pages).containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
    assertThat(Pages.flat(requirements))
        .containsExactly("1000000.00", "1250000.00", "1250000.00", "1250000.00", "1250000.00");
    assertThat(Pages.flat(lines)).extracting(List::size).containsOnly(2);
  }

  @Test
  void aPageThatHoldsTheRestHasNoNextLink() {
    String code = launchedAndRevised(4);

    assertThat(Pages.<Integer>all("/appeals/" + code + "/revisions?limit=5", "number"))
        .containsExactly(List.of(0, 1, 2, 3, 4));
    assertThat(Pages.<Integer>all("/appeals/" + code + "/revisions", "number"))
        .as("the default limit, 100")
        .containsExactly(List.of(0, 1, 2, 3, 4));
  }

  @Test
  void theHistoryComesOncePageByPageOldestFirst() {
    String code = launchedAndRevised(2);
    given().when().post("/appeals/" + code + "/close").then().statusCode(200);

    List<List<String>> pages = Pages.all("/appeals/" + code + "/history?limit=2", "action");
    List<List<Integer>> versions =
        Pages.all("/appeals/" + code + "/history?limit=2", "appealVersion");

    assertThat(pages)
        .containsExactly(
            List.of("CREATED", "LAUNCHED"), List.of("REVISED", "REVISED"), List.of("CLOSED"));
    assertThat(Pages.flat(versions)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void anotherAppealsRevisionsAndHistoryStayOut() {
    String mine = launchedAndRevised(1);
    launchedAndRevised(2); // its second revision must not show in the first's lists

    assertThat(Pages.<String>all("/appeals/" + mine + "/revisions?limit=1", "reason"))
        .containsExactly(List.of("original requirements"), List.of("revision 1"));
    assertThat(Pages.flat(Pages.<String>all("/appeals/" + mine + "/history?limit=1", "detail")))
        .hasSize(3)
        .allSatisfy(detail -> assertThat(detail).doesNotContain("revision 2"));
  }

  @Test
  void theListsOfAnUnknownAppealAreNotFound() {
    for (String list : List.of("revisions", "history")) {
      given()
          .queryParam("limit", 10)
          .when()
          .get("/appeals/NO-SUCH/" + list)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
  }

  @Test
  void aLimitOutOfRangeIsRefusedOnEveryList() {
    String code = launchedAndRevised(0);
    for (String list : List.of("revisions", "history")) {
      for (String limit : List.of("0", "1001", "-1", "x", "99999999999")) {
        given()
            .queryParam("limit", limit)
            .when()
            .get("/appeals/" + code + "/" + list)
            .then()
            .statusCode(422)
            .contentType("application/problem+json")
            .body("type", endsWith("/invalid-page-request"));
      }
    }
  }

  @Test
  void aCursorTheListDidNotHandOutIsRefused() {
    String code = launchedAndRevised(0);
    // not base64url; three NUL bytes (no number); a date, where a number is due
    for (String cursor : List.of("@@@", "AAAA", "MTk5Ny0wMS0wMQ")) {
      for (String list : List.of("revisions", "history")) {
        given()
            .queryParam("cursor", cursor)
            .when()
            .get("/appeals/" + code + "/" + list)
            .then()
            .statusCode(422)
            .contentType("application/problem+json")
            .body("type", endsWith("/invalid-page-request"));
      }
    }
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  void aDonorPagesTheRevisionsButNotTheHistory() {
    String code = Appeals.uniqueCode();
    AppealFixtures.launched(code);

    given()
        .queryParam("limit", 1)
        .when()
        .get("/appeals/" + code + "/revisions")
        .then()
        .statusCode(200)
        .body("number", equalTo(List.of(0)));
    given()
        .queryParam("limit", 1)
        .when()
        .get("/appeals/" + code + "/history")
        .then()
        .statusCode(403);
  }
}
