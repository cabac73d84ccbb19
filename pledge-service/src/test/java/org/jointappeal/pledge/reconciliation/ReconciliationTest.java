package org.jointappeal.pledge.reconciliation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Pledges;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation view, to the cent. Pledges are valued at the July 1997 rates (NOK 7.46, SEK
 * 7.70); receipts at NOK 7.10 from October (a gain) and 7.80 from November (a loss). Today is 1
 * December 1997.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class ReconciliationTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppealAndRates() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Pledges.rate("NOK", "1997-07-01", "7.4600");
    Pledges.rate("NOK", "1997-10-01", "7.1000");
    Pledges.rate("NOK", "1997-11-01", "7.8000");
    Pledges.rate("SEK", "1997-07-01", "7.7000");
  }

  /**
   * Norway: NOK 1 492 000 committed in two halves due 30 September and 31 October, the first half
   * received at 7.10; NOK 373 000 committed, NOK 100 000 received at 7.80 and the rest written off;
   * USD 50 000 announced only; a cancelled pledge. Sweden: SEK 770 000 committed, due 31 December.
   */
  private void norwayAndSweden() {
    String halves =
        Pledges.committed(
            appeal,
            "NOR",
            "1492000.00",
            "NOK",
            Pledges.schedule("NOK", "1997-09-30", "746000.00", "1997-10-31", "746000.00"));
    Pledges.paid(halves, "NOR", "746000.00", "NOK", "1997-10-15");
    String partly = Pledges.committed(appeal, "NOR", "373000.00", "NOK", null);
    Pledges.paid(partly, "NOR", "100000.00", "NOK", "1997-11-10");
    Pledges.writtenOff(partly, "1997-11-30");
    Pledges.announced(appeal, "NOR", "50000.00", "USD", null);
    String cancelled = Pledges.announced(appeal, "NOR", "999.00", "USD", null);
    Pledges.cancelled(cancelled);
    Pledges.committed(appeal, "SWE", "770000.00", "SEK", null);
  }

  private ValidatableResponse appealView() {
    return given()
        .when()
        .get("/reconciliation/appeals/" + appeal)
        .then()
        .statusCode(200)
        .contentType("application/json");
  }

  @Test
  void aDonorsRowShowsItsFiguresPerCurrencyToTheCent() {
    norwayAndSweden();

    appealView()
        .body("asOf", equalTo("1997-12-01"))
        .body("rows.donorCode", contains("NOR", "SWE"))
        .body("rows[0].donorName", equalTo("Norway"))
        .body("rows[0].original.currency", contains("NOK", "USD"))
        .body("rows[0].original[0].pledged.amount", equalTo("1865000.00"))
        .body("rows[0].original[0].committed.amount", equalTo("1865000.00"))
        .body("rows[0].original[0].received.amount", equalTo("846000.00"))
        .body("rows[0].original[0].outstanding.amount", equalTo("746000.00"))
        // the second half, due 31 October: 31 days past due on 1 December
        .body("rows[0].original[0].overdue.days31To60.amount", equalTo("746000.00"))
        .body("rows[0].original[0].overdue.total.amount", equalTo("746000.00"))
        .body("rows[0].original[0].writtenOff.amount", equalTo("273000.00"))
        .body("rows[0].original[1].pledged.amount", equalTo("50000.00"))
        .body("rows[0].original[1].committed.amount", equalTo("0.00"))
        .body("rows[0].original[1].outstanding.amount", equalTo("0.00"));
  }

  @Test
  void aDonorsRowShowsItsUsdFiguresAndRealisedExchangeGainsAndLossesToTheCent() {
    norwayAndSweden();

    appealView()
        // 1 492 000 / 7.46 = 200 000.00; 373 000 / 7.46 = 50 000.00; USD 50 000
        .body("rows[0].usd.pledged.amount", equalTo("300000.00"))
        .body("rows[0].usd.committed.amount", equalTo("250000.00"))
        // 746 000 / 7.10 = 105 070.42; 100 000 / 7.80 = 12 820.51
        .body("rows[0].usd.received.amount", equalTo("117890.93"))
        .body("rows[0].usd.outstanding.amount", equalTo("100000.00"))
        .body("rows[0].usd.overdue.days31To60.amount", equalTo("100000.00"))
        // 273 000 / 7.46 = 36 595.17
        .body("rows[0].usd.writtenOff.amount", equalTo("36595.17"))
        // +5 070.42 (105 070.42 - 100 000.00) and -584.32 (12 820.51 - 13 404.83)
        .body("rows[0].usd.exchangeGainLoss.amount", equalTo("4486.10"));
  }

  @Test
  void theTotalsAddTheRowsPerCurrencyAndInUsd() {
    norwayAndSweden();

    appealView()
        .body("totals.original.currency", contains("NOK", "SEK", "USD"))
        .body("totals.original[1].outstanding.amount", equalTo("770000.00"))
        .body("totals.original[1].overdue.total.amount", equalTo("0.00"))
        .body("totals.usd.pledged.amount", equalTo("400000.00"))
        .body("totals.usd.committed.amount", equalTo("350000.00"))
        .body("totals.usd.received.amount", equalTo("117890.93"))
        .body("totals.usd.outstanding.amount", equalTo("200000.00"))
        .body("totals.usd.overdue.total.amount", equalTo("100000.00"))
        .body("totals.usd.writtenOff.amount", equalTo("36595.17"))
        .body("totals.usd.exchangeGainLoss.amount", equalTo("4486.10"));
  }

  @Test
  void overdueMoneyIsAgedInBucketsWithTheirBoundaries() {
    // due 30, 31, 60, 61, 90, 91 and 1 day(s) before 31 December 1997, and on it (not overdue)
    Pledges.committed(
        appeal,
        "NOR",
        "255.00",
        "USD",
        Pledges.schedule(
            "USD",
            "1997-12-01",
            "1.00",
            "1997-11-30",
            "2.00",
            "1997-11-01",
            "4.00",
            "1997-10-31",
            "8.00",
            "1997-10-02",
            "16.00",
            "1997-10-01",
            "32.00",
            "1997-12-31",
            "64.00",
            "1997-12-30",
            "128.00"));

    given()
        .queryParam("asOf", "1997-12-31")
        .when()
        .get("/reconciliation/appeals/" + appeal)
        .then()
        .statusCode(200)
        .body("asOf", equalTo("1997-12-31"))
        .body("totals.usd.overdue.days0To30.amount", equalTo("129.00"))
        .body("totals.usd.overdue.days31To60.amount", equalTo("6.00"))
        .body("totals.usd.overdue.days61To90.amount", equalTo("24.00"))
        .body("totals.usd.overdue.over90Days.amount", equalTo("32.00"))
        .body("totals.usd.overdue.total.amount", equalTo("191.00"));
  }

  @Test
  void theViewIsCsvWhenAskedFor() {
    norwayAndSweden();

    given()
        .accept("text/csv")
        .when()
        .get("/reconciliation/appeals/" + appeal)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .body(startsWith(ReconciliationCsv.HEADER + "\r\n"))
        .body(
            org.hamcrest.Matchers.containsString(
                "\r\nrow,usd,%s,NOR,Norway,,,USD,300000.00,250000.00,117890.93,100000.00,0.00,100000.00,0.00,0.00,100000.00,36595.17,4486.10\r\n"
                    .formatted(appeal)))
        .body(
            endsWith(
                "\r\ntotal,usd,%s,,,,,USD,400000.00,350000.00,117890.93,200000.00,0.00,100000.00,0.00,0.00,100000.00,36595.17,4486.10\r\n"
                    .formatted(appeal)));
  }

  @Test
  void aDonorNameThatLooksLikeAFormulaIsTextInTheCsvAndAmountsStayNumbers() {
    String donor = Pledges.uniqueDonor("=HYPERLINK(\"http://evil.example/\",\"Click\")");
    String pledge = Pledges.committed(appeal, donor, "746.00", "NOK", null);
    // received at 7.80 what was valued at 7.46: a realised loss, a negative number
    Pledges.paid(pledge, donor, "746.00", "NOK", "1997-11-10");

    String csv =
        given()
            .accept("text/csv")
            .when()
            .get("/reconciliation/appeals/" + appeal)
            .then()
            .statusCode(200)
            .extract()
            .asString();

    String usdLine =
        java.util.Arrays.stream(csv.split("\r\n"))
            .filter(line -> line.startsWith("row,usd,%s,%s,".formatted(appeal, donor)))
            .findFirst()
            .orElseThrow();
    org.assertj.core.api.Assertions.assertThat(usdLine)
        .contains(",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")\",")
        .matches(".*,-\\d+\\.\\d{2}");
  }

  @Test
  void aDonorsViewHasARowPerPledgeOverAllAppeals() {
    String donor = Pledges.uniqueDonor("Reconciled Foundation");
    String other = Appeals.uniqueCode();
    Appeals.launch(other);
    String first = Pledges.committed(appeal, donor, "100.00", "USD", null);
    String second = Pledges.committed(other, donor, "746.00", "NOK", null);
    Pledges.paid(second, donor, "710.00", "NOK", "1997-10-15");

    given()
        .when()
        .get("/reconciliation/donors/" + donor)
        .then()
        .statusCode(200)
        .body("donorCode", equalTo(donor))
        .body("rows.pledgeId", org.hamcrest.Matchers.containsInAnyOrder(first, second))
        .body(
            "rows.find { it.pledgeId == '%s' }.pledgeStatus".formatted(second),
            equalTo("PARTIALLY_PAID"))
        // 710 / 7.10 = 100.00 received; the pledge rate values it at 95.17: a gain of 4.83
        .body(
            "rows.find { it.pledgeId == '%s' }.usd.exchangeGainLoss.amount".formatted(second),
            equalTo("4.83"))
        .body("totals.usd.committed.amount", equalTo("200.00"))
        .body("totals.usd.outstanding.amount", equalTo("104.83"));
  }

  @Test
  @TestSecurity(user = "nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorCannotSeeAnotherDonorsView() {
    given()
        .when()
        .get("/reconciliation/donors/SWE")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", endsWith("/not-found"));
  }

  @Test
  @TestSecurity(user = "nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorSeesAnAppealWithItsOwnPledgesOnly() {
    norwayAndSweden();

    appealView()
        .body("rows.donorCode", contains("NOR"))
        .body("totals.original.currency", contains("NOK", "USD"))
        .body("totals.usd.committed.amount", equalTo("250000.00"));
  }

  @Test
  @TestSecurity(user = "manager", roles = "appeal-manager")
  void anAppealManagerSeesEveryDonor() {
    norwayAndSweden();

    appealView().body("rows.donorCode", contains("NOR", "SWE"));
  }

  @Test
  void anUnknownAppealIsNotFound() {
    given()
        .when()
        .get("/reconciliation/appeals/NOPE-1997")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void anAsOfThatIsNotADateIsABadRequest() {
    given()
        .queryParam("asOf", "1997-13-01")
        .when()
        .get("/reconciliation/appeals/" + appeal)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
