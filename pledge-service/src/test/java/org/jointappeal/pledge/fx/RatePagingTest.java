package org.jointappeal.pledge.fx;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jointappeal.pledge.Pages;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /exchange-rates (the table, as of a date, as known at an instant) and a rate's versions page
 * in SQL, by currency and effective date. HUF and PLN are this class's own currencies.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class RatePagingTest {

  @Inject TestClock clock;

  @BeforeEach
  void resetClock() {
    clock.reset();
  }

  private static void put(String currency, String effectiveFrom, String unitsPerUsd) {
    given()
        .contentType(JSON)
        .body("{\"unitsPerUsd\":\"" + unitsPerUsd + "\"}")
        .when()
        .put("/exchange-rates/" + currency + "/" + effectiveFrom)
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
  }

  /** HUF from January to June 1997, one rate a month. */
  private static void forints() {
    for (int month = 1; month <= 6; month++) {
      put("HUF", "1997-0" + month + "-01", "15" + month + ".5");
    }
  }

  /** Currency and effective date of every item of every page, in order. */
  private static List<String> walk(String first) {
    var keys = new ArrayList<String>();
    for (JsonPath page : Pages.all(first)) {
      for (int i = 0; i < page.getList("").size(); i++) {
        keys.add(
            page.getString("[" + i + "].currency")
                + " "
                + page.getString("[" + i + "].effectiveFrom"));
      }
    }
    return keys;
  }

  private static String cursor(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void followingNextWalksTheWholeTableOnceByCurrencyAndDate() {
    forints();

    var walked = walk("/exchange-rates?limit=7");

    assertThat(walked).doesNotHaveDuplicates().isSorted();
    assertThat(walked).contains("HUF 1997-01-01", "HUF 1997-06-01");
    assertThat(walked).isEqualTo(walk("/exchange-rates?limit=1000"));
  }

  @Test
  void oneCurrencyPagesWithItsFilterKeptInTheNextLink() {
    forints();

    var first = Pages.get("/exchange-rates?currency=HUF&limit=4");
    assertThat(Pages.next(first)).contains("currency=HUF").contains("limit=4");
    assertThat(walk("/exchange-rates?currency=HUF&limit=4"))
        .containsExactly(
            "HUF 1997-01-01",
            "HUF 1997-02-01",
            "HUF 1997-03-01",
            "HUF 1997-04-01",
            "HUF 1997-05-01",
            "HUF 1997-06-01");
    given()
        .queryParam("currency", "HUF")
        .queryParam("limit", 6)
        .when()
        .get("/exchange-rates")
        .then()
        .statusCode(200)
        .header("Link", nullValue());
  }

  @Test
  void theTableAsOfADatePagesOneRatePerCurrency() {
    forints();

    var walked = walk("/exchange-rates?asOf=1997-03-15&limit=1");

    assertThat(walked).doesNotHaveDuplicates().isSorted().contains("HUF 1997-03-01");
    assertThat(walked.stream().map(k -> k.substring(0, 3))).doesNotHaveDuplicates();
    assertThat(walked).isEqualTo(walk("/exchange-rates?asOf=1997-03-15&limit=1000"));
  }

  @Test
  void theTableAsKnownAtAnInstantPagesTheVersionsKnownThen() {
    clock.set(Instant.parse("1997-07-01T08:00:00Z"));
    put("PLN", "1997-05-01", "3.10");
    put("PLN", "1997-06-01", "3.20");
    put("PLN", "1997-07-01", "3.30");
    clock.set(Instant.parse("1997-07-20T08:00:00Z"));
    put("PLN", "1997-06-01", "3.25"); // a correction, known from 20 July
    put("PLN", "1997-08-01", "3.40"); // a rate nobody knew of before 20 July

    var before = Pages.all("/exchange-rates?currency=PLN&knownAt=1997-07-10T00:00:00Z&limit=2");
    var values = new ArrayList<String>();
    before.forEach(page -> values.addAll(page.getList("unitsPerUsd")));
    assertThat(before).hasSize(2);
    assertThat(values).containsExactly("3.1", "3.2", "3.3");

    var after = new ArrayList<String>();
    Pages.all("/exchange-rates?currency=PLN&knownAt=1997-07-21T00:00:00Z&limit=2")
        .forEach(page -> after.addAll(page.getList("unitsPerUsd")));
    assertThat(after).containsExactly("3.1", "3.25", "3.3", "3.4");

    // as of 15 June, as known on 10 July: the June rate before its correction
    assertThat(
            Pages.<String>values(
                "/exchange-rates?currency=PLN&asOf=1997-06-15&knownAt=1997-07-10T00:00:00Z&limit=1",
                "unitsPerUsd"))
        .containsExactly("3.2");
    assertThat(walk("/exchange-rates?knownAt=1997-07-10T00:00:00Z&limit=3"))
        .doesNotHaveDuplicates()
        .isSorted()
        .isEqualTo(walk("/exchange-rates?knownAt=1997-07-10T00:00:00Z&limit=1000"));
  }

  @Test
  void aRatesVersionsPageFirstRecordingFirst() {
    put("PLN", "1996-01-01", "2.41");
    put("PLN", "1996-01-01", "2.42");
    put("PLN", "1996-01-01", "2.43");
    put("PLN", "1996-01-01", "2.44");

    var pages = Pages.all("/exchange-rates/PLN/1996-01-01/versions?limit=3");
    var versions = new ArrayList<Integer>();
    pages.forEach(page -> versions.addAll(page.getList("version")));

    assertThat(pages).hasSize(2);
    assertThat(versions).containsExactly(1, 2, 3, 4);
  }

  @Test
  void aLimitOutOfRangeOrACursorNotHandedOutIsRefused() {
    var refused =
        List.of(
            "/exchange-rates?limit=0",
            "/exchange-rates?limit=1001",
            "/exchange-rates?limit=1.5",
            "/exchange-rates?cursor=" + cursor("huf\n1997-01-01"),
            "/exchange-rates?cursor=" + cursor("HUF\nJanuary"),
            "/exchange-rates?cursor=" + cursor("HUF"),
            "/exchange-rates?knownAt=1997-07-10T00:00:00Z&cursor=" + cursor("HUF"),
            "/exchange-rates/PLN/1996-01-01/versions?limit=0",
            "/exchange-rates/PLN/1996-01-01/versions?cursor=" + cursor("two"));
    for (String uri : refused) {
      given()
          .when()
          .get(uri)
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }
}
