package org.jointappeal.notification.silence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.Pages;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /silences pages by cursor in SQL: newest first, ties broken by id. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class SilencePagingTest {

  /** Later than any other test's clock: this class's silences are the newest. */
  private static final Instant FAR = Instant.parse("2150-01-01T00:00:00Z");

  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private String silenceCreatedAt(Instant at) {
    clock.set(at);
    return given()
        .contentType("application/json")
        .body(
            """
            {"matchers":[{"name":"appeal","value":"%s"}],"startsAt":"%s","endsAt":"%s",
             "comment":"paging"}"""
                .formatted(uniqueAppealCode(), at, at.plusSeconds(3600)))
        .when()
        .post("/silences")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void everySilenceComesOncePageByPageNewestFirst() {
    // three created at one instant (the id orders them), one later, which comes first
    var sameInstant = new ArrayList<String>();
    for (int n = 0; n < 3; n++) {
      sameInstant.add(silenceCreatedAt(FAR));
    }
    String newest = silenceCreatedAt(FAR.plusSeconds(60));
    clock.reset();

    List<List<String>> pages = Pages.all("/silences?limit=2", "id");
    List<String> ids = Pages.flat(pages);

    assertThat(ids).doesNotHaveDuplicates().hasSize((int) Db.count("select count(*) from silence"));
    var expected = new ArrayList<String>();
    expected.add(newest);
    expected.addAll(sameInstant.stream().sorted().toList()); // uuid order in SQL is text order
    assertThat(ids.subList(0, 4)).isEqualTo(expected);
    assertThat(pages.get(0)).hasSize(2);
  }

  @Test
  void aLimitOutOfRangeOrACursorNotOursIsRefused() {
    for (String limit : List.of("0", "1001", "x")) {
      given()
          .queryParam("limit", limit)
          .when()
          .get("/silences")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
    // not base64url; NUL bytes (no instant); an instant without the id after it
    for (String cursor : List.of("@@@", "AAAA", "MTk5Ny0xMS0wM1QwODowMDowMFo")) {
      given()
          .queryParam("cursor", cursor)
          .when()
          .get("/silences")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  void aDonorCannotListTheSilences() {
    given().queryParam("limit", 1).when().get("/silences").then().statusCode(403);
  }
}
