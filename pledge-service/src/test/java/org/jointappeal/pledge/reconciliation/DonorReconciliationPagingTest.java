package org.jointappeal.pledge.reconciliation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Pages;
import org.jointappeal.pledge.Pledges;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.jointappeal.pledge.receipt.ReceiptService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A donor's reconciliation pages its rows (one per pledge) by appeal, announcement date, recording
 * time and id, while its totals, summed in the database, stay the whole donor's on every page: they
 * must equal the sum of every page's rows (each computed in Java), to the cent, in every currency
 * and in USD, as of any date and as known at any instant.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class DonorReconciliationPagingTest {

  /** The pledges and their facts are recorded on 1 October, the money on 1 December. */
  private static final Instant PLEDGES_RECORDED = Instant.parse("1997-10-01T09:00:00Z");

  @Inject TestClock clock;

  String donor;
  int pledges;

  @BeforeEach
  void aDonorWithEveryKindOfPledge() {
    clock.set(PLEDGES_RECORDED);
    String first = Appeals.uniqueCode();
    String second = Appeals.uniqueCode();
    Appeals.launch(first);
    Appeals.launch(second);
    Pledges.rate("NOK", "1997-07-01", "7.4600");
    Pledges.rate("NOK", "1997-10-01", "7.1000");
    Pledges.rate("NOK", "1997-11-01", "7.8000");
    Pledges.rate("SEK", "1997-07-01", "7.7000");
    Pledges.rate("JPY", "1997-07-01", "115.37");
    Pledges.rate("JPY", "1997-10-01", "120.3333");
    donor = Pledges.uniqueDonor("Paged Reconciliation Fund");

    String halves =
        Pledges.committed(
            first,
            donor,
            "1492000.00",
            "NOK",
            Pledges.schedule("NOK", "1997-09-30", "746000.00", "1997-10-31", "746000.00"));
    String partly = Pledges.committed(first, donor, "373000.00", "NOK", null);
    Pledges.announced(first, donor, "50000.00", "USD", null);
    String cancelled = Pledges.announced(first, donor, "999.00", "USD", null);
    Pledges.cancelled(cancelled);
    String reversed = Pledges.committed(first, donor, "5000.00", "NOK", null);
    Pledges.committed(second, donor, "770000.00", "SEK", null);
    String yen =
        Pledges.committed(
            second,
            donor,
            "1000003",
            "JPY",
            Pledges.schedule("JPY", "1997-08-15", "500001", "1997-09-15", "500002"));
    Pledges.committed(
        second, donor, "333.33", "NOK", Pledges.schedule("NOK", "1997-08-31", "333.33"));

    clock.reset(); // 1 December 1997: the money
    Pledges.paid(halves, donor, "746000.00", "NOK", "1997-10-15");
    Pledges.paid(partly, donor, "100000.00", "NOK", "1997-11-10");
    Pledges.writtenOff(partly, "1997-11-30");
    Pledges.paid(yen, donor, "300001", "JPY", "1997-10-20");
    String bounced = Pledges.paid(reversed, donor, "5000.00", "NOK", "1997-10-16");
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Arc.container()
                    .instance(ReceiptService.class)
                    .get()
                    .reverse(UUID.fromString(bounced), LocalDate.parse("1997-11-05"), "RVSL", "t"));
    pledges = 8;
  }

  private static String cursor(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Every page of the view; the totals are the same on each. */
  private List<JsonPath> pages(String query) {
    var pages = Pages.all("/reconciliation/donors/" + donor + "?limit=2" + query);
    for (var page : pages) {
      assertThat(page.getMap("totals")).isEqualTo(pages.get(0).getMap("totals"));
    }
    return pages;
  }

  @Test
  void theTotalsAreTheSumOfEveryPagesRowsAsOfAnyDateAndKnownAtAnyInstant() {
    for (String query :
        List.of(
            "",
            "&asOf=1997-09-30",
            "&asOf=1997-10-31",
            "&asOf=1997-11-20",
            "&asOf=1998-03-31",
            "&asOf=1997-12-31&knownAt=1997-11-01T00:00:00Z",
            "&knownAt=1997-12-01T09:00:00Z")) {
      var pages = pages(query);
      var sums = new TreeMap<String, BigDecimal>();
      var ids = new ArrayList<String>();
      var order = new ArrayList<String>();
      for (var page : pages) {
        ids.addAll(page.getList("rows.pledgeId"));
        order.addAll(page.getList("rows.appealCode"));
        for (Map<String, Object> row : page.<Map<String, Object>>getList("rows")) {
          add(sums, "", row);
        }
      }
      var totals = new TreeMap<String, BigDecimal>();
      add(totals, "", pages.get(0).getMap("totals"));

      assertThat(ids).as(query).doesNotHaveDuplicates();
      assertThat(order).as(query).isSorted();
      assertThat(totals.keySet()).as(query).isEqualTo(sums.keySet());
      totals.forEach(
          (figure, total) ->
              assertThat(sums.get(figure)).as(query + " " + figure).isEqualByComparingTo(total));
    }
  }

  @Test
  void theRowsOfThePagesAreEveryExistingPledgeOnce() {
    var pages = pages("");
    var ids = new ArrayList<String>();
    pages.forEach(page -> ids.addAll(page.getList("rows.pledgeId")));

    // the cancelled pledge is not there (cancelled before today); the other eight are
    assertThat(ids).hasSize(pledges - 1).doesNotHaveDuplicates();
    assertThat(pages).hasSize(4);
    assertThat(
            Pages.get("/reconciliation/donors/" + donor + "?limit=8")
                .jsonPath()
                .getList("rows.pledgeId", String.class))
        .isEqualTo(ids);
    // known on 1 October: the cancellation was recorded then, the money not yet
    var known = new ArrayList<String>();
    pages("&knownAt=1997-10-01T09:00:00Z&asOf=1997-09-30")
        .forEach(page -> known.addAll(page.getList("rows.pledgeStatus")));
    assertThat(known).hasSize(pledges - 1).doesNotContain("PAID", "PARTIALLY_PAID");
  }

  @Test
  void theCsvIsTheWholeStatementWhateverTheLimit() {
    String csv =
        given()
            .accept("text/csv")
            .queryParam("limit", 1)
            .when()
            .get("/reconciliation/donors/" + donor)
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .extract()
            .asString();

    assertThat(csv.lines().filter(l -> l.startsWith("row,usd,"))).hasSize(pledges - 1);
    assertThat(csv.lines().filter(l -> l.startsWith("total,usd,"))).hasSize(1);
  }

  @Test
  void aLimitOutOfRangeOrACursorNotHandedOutIsRefused() {
    for (String query :
        List.of(
            "limit=0",
            "limit=1001",
            "cursor="
                + cursor("not an appeal\n1997-07-02\n1997-10-01T09:00:00Z\n" + UUID.randomUUID()),
            "cursor=" + cursor("CIS-1997\n1997-07-02"))) {
      given()
          .when()
          .get("/reconciliation/donors/" + donor + "?" + query)
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }

  @Test
  @TestSecurity(user = "nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorPagesItsOwnViewAndAnotherDonorsIsNotFound() {
    given().queryParam("limit", 1).when().get("/reconciliation/donors/NOR").then().statusCode(200);
    given()
        .queryParam("limit", 1)
        .when()
        .get("/reconciliation/donors/" + donor)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  /**
   * Adds every amount of a row or of the totals under its path: original figures under their
   * currency ({@code NOK.overdue.days31To60}), USD ones under {@code usd...}.
   */
  @SuppressWarnings("unchecked") // JSON objects and arrays as RestAssured reads them
  private static void add(Map<String, BigDecimal> sums, String path, Object value) {
    if (value instanceof Map<?, ?> map) {
      if (map.containsKey("amount") && map.containsKey("currency")) {
        sums.merge(path, new BigDecimal((String) map.get("amount")), BigDecimal::add);
        return;
      }
      for (var entry : ((Map<String, Object>) map).entrySet()) {
        switch (entry.getKey()) {
          case "original" -> {
            for (Map<String, Object> figures : (List<Map<String, Object>>) entry.getValue()) {
              add(sums, (String) figures.get("currency"), figures);
            }
          }
          case "usd" -> add(sums, "usd", entry.getValue());
          case "pledged",
              "committed",
              "received",
              "outstanding",
              "overdue",
              "writtenOff",
              "exchangeGainLoss",
              "days0To30",
              "days31To60",
              "days61To90",
              "over90Days",
              "total" ->
              add(sums, path + "." + entry.getKey(), entry.getValue());
          default -> {
            // codes, names, ids, statuses: not figures
          }
        }
      }
    }
  }
}
