package org.jointappeal.appeal.appeal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Pages;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.money.MoneyRequest;
import org.junit.jupiter.api.Test;

/**
 * No token: GET /public/appeals pages by cursor (newest period first, then by code), drafts left
 * out in SQL; one public appeal has its own address.
 */
@io.quarkus.test.junit.QuarkusTest
@StackResource
class PublicAppealPagingTest {

  /** A period no other test uses, later than any: the list test's appeals open the list. */
  private static final LocalDate FAR_PERIOD = LocalDate.parse("2199-01-01");

  private static AppealService appeals() {
    return Arc.container().instance(AppealService.class).get();
  }

  private static String inFarPeriod(boolean launched) {
    String code = Appeals.uniqueCode();
    appeals()
        .create(
            new CreateAppealRequest(
                code,
                "Far appeal",
                List.of("UNHCR"),
                FAR_PERIOD,
                FAR_PERIOD.plusYears(1).minusDays(1),
                null,
                List.of(
                    new RequirementLineRequest(
                        null,
                        "GEO",
                        "UNHCR",
                        Sector.PROTECTION,
                        CategoryOfConcern.REFUGEES,
                        Priority.EMERGENCY,
                        null,
                        new MoneyRequest(new BigDecimal("1000.00"), "USD")))),
            "fixture");
    if (launched) {
      appeals().launch(code, OptionalLong.empty(), null, "fixture");
    }
    return code;
  }

  @Test
  void theLaunchedAppealsComeOncePageByPageNewestPeriodFirstThenByCodeWithoutDrafts() {
    var launched = new ArrayList<String>();
    for (int n = 0; n < 3; n++) {
      launched.add(inFarPeriod(true));
    }
    String draft = inFarPeriod(false);

    // walk until the list has left this class's period behind (it opens the list)
    List<List<String>> periods =
        Pages.until(
            "/public/appeals?limit=2",
            "periodStart",
            page -> page.stream().anyMatch(start -> !start.equals(FAR_PERIOD.toString())));
    List<List<String>> codes =
        Pages.until(
            "/public/appeals?limit=2", "code", page -> page.stream().noneMatch(launched::contains));

    int mine = (int) Pages.flat(periods).stream().filter(FAR_PERIOD.toString()::equals).count();
    assertThat(mine).isEqualTo(3);
    assertThat(Pages.flat(codes).subList(0, mine))
        .containsExactlyElementsOf(launched.stream().sorted().toList());
    assertThat(Pages.flat(codes)).doesNotContain(draft).doesNotHaveDuplicates();
    assertThat(periods.get(0)).hasSize(2); // the three came over two pages
  }

  @Test
  void aLaunchedAppealIsPublicAtItsOwnAddress() {
    String code = Appeals.uniqueCode();
    AppealFixtures.launched(code);

    given()
        .when()
        .get("/public/appeals/" + code)
        .then()
        .statusCode(200)
        .body("code", equalTo(code))
        .body("status", equalTo("LAUNCHED"))
        .body("currentRequirements.amount", equalTo("1000000.00"));
  }

  @Test
  void aDraftIsNotPublicAtItsAddress() {
    String code = Appeals.uniqueCode();
    appeals().create(AppealFixtures.request(code), "fixture");

    given()
        .when()
        .get("/public/appeals/" + code)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", endsWith("/not-found"));
  }

  @Test
  void aLimitOutOfRangeOrACursorNotOursIsRefused() {
    for (String limit : List.of("0", "1001", "x")) {
      given()
          .queryParam("limit", limit)
          .when()
          .get("/public/appeals")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
    // not base64url; NUL bytes (no date); a date without the code after it; a NUL for the code
    // (it would fail in the database, not here)
    for (String cursor : List.of("@@@", "AAAA", "MTk5Ny0wMS0wMQ", "MTk5Ny0wMS0wMQoA")) {
      given()
          .queryParam("cursor", cursor)
          .when()
          .get("/public/appeals")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }
}
