package org.jointappeal.appeal.funding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.OptionalLong;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Pages;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.jointappeal.appeal.appeal.AppealService;
import org.junit.jupiter.api.Test;

/** No token: launched and closed appeals, aggregate figures, no donor names. */
@QuarkusTest
@StackResource
class PublicTransparencyTest {

  private static AppealService appeals() {
    return Arc.container().instance(AppealService.class).get();
  }

  @Test
  void anyoneSeesTheLaunchedAppeals() {
    String code = Appeals.uniqueCode();
    AppealFixtures.launched(code);
    // followed page by page: the list holds every test's appeals
    List<List<String>> pages =
        Pages.until("/public/appeals?limit=1000", "code", page -> page.contains(code));
    assertThat(Pages.flat(pages)).contains(code);
  }

  @Test
  void draftsAreNotPublic() {
    String code = Appeals.uniqueCode();
    appeals().create(AppealFixtures.request(code), "fixture");
    assertThat(Pages.flat(Pages.<String>all("/public/appeals?limit=1000", "code")))
        .doesNotContain(code);
  }

  @Test
  void aDraftsFundingIsNotFound() {
    String code = Appeals.uniqueCode();
    appeals().create(AppealFixtures.request(code), "fixture");
    given()
        .when()
        .get("/public/appeals/" + code + "/funding")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aClosedAppealsFundingIsPublicByCountry() {
    String code = Appeals.uniqueCode();
    AppealFixtures.launched(code);
    appeals().close(code, OptionalLong.empty(), "fixture");
    given()
        .queryParam("groupBy", "country")
        .when()
        .get("/public/appeals/" + code + "/funding")
        .then()
        .statusCode(200)
        .body("currentRequirements.amount", equalTo("1000000.00"))
        .body("groups.find { it.key == 'GEO' }.currentRequirements.amount", equalTo("600000.00"));
  }

  @Test
  void perDonorFiguresAreNotPublicUnlessConfigured() {
    String code = Appeals.uniqueCode();
    AppealFixtures.launched(code);
    given()
        .queryParam("groupBy", "donor")
        .when()
        .get("/public/appeals/" + code + "/funding")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void thePublicFundingIsAvailableAsCsv() {
    String code = Appeals.uniqueCode();
    AppealFixtures.launched(code);
    given()
        .accept("text/csv")
        .when()
        .get("/public/appeals/" + code + "/funding")
        .then()
        .statusCode(200)
        .contentType("text/csv");
  }

  @Test
  void theInternalFundingViewNeedsAToken() {
    String code = Appeals.uniqueCode();
    AppealFixtures.launched(code);
    given().when().get("/appeals/" + code + "/funding").then().statusCode(401);
  }
}
