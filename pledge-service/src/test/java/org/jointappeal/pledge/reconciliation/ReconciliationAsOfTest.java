package org.jointappeal.pledge.reconciliation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Pledges;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation exact as of any date: an instalment of NOK 500,000 due 30 September 1997 and paid
 * on 20 December 1997 is 61-90 days overdue as of 30 November; paid as of 31 December; and, known
 * at an instant before the payment was recorded, still unpaid.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class ReconciliationAsOfTest {

  @Inject TestClock clock;

  String appeal;
  String pledge;

  @BeforeEach
  void anInstalmentPaidLate() {
    clock.set(Instant.parse("1998-01-10T09:00:00Z"));
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Pledges.rate("NOK", "1997-07-01", "7.4600");
    Pledges.rate("NOK", "1997-12-01", "7.8000");
    pledge =
        Pledges.committed(
            appeal, "NOR", "500000.00", "NOK", Pledges.schedule("NOK", "1997-09-30", "500000.00"));
    clock.set(Instant.parse("1998-01-15T09:00:00Z"));
    Pledges.paid(pledge, "NOR", "500000.00", "NOK", "1997-12-20");
  }

  private ValidatableResponse appealView(String asOf) {
    return given()
        .queryParam("asOf", asOf)
        .when()
        .get("/reconciliation/appeals/" + appeal)
        .then()
        .statusCode(200);
  }

  @Test
  void beforeThePaymentTheInstalmentIsAgedInItsBucket() {
    appealView("1997-11-30")
        .body("asOf", equalTo("1997-11-30"))
        .body("knownAt", nullValue())
        .body("totals.original[0].received.amount", equalTo("0.00"))
        .body("totals.original[0].outstanding.amount", equalTo("500000.00"))
        // 1997-11-30 - 1997-09-30 = 61 days past due
        .body("totals.original[0].overdue.days61To90.amount", equalTo("500000.00"))
        .body("totals.original[0].overdue.total.amount", equalTo("500000.00"))
        .body("totals.usd.overdue.days61To90.amount", equalTo("67024.13"));
    // day 0 is not overdue, day 1 is
    appealView("1997-09-30").body("totals.original[0].overdue.total.amount", equalTo("0.00"));
    appealView("1997-10-01")
        .body("totals.original[0].overdue.days0To30.amount", equalTo("500000.00"));
  }

  @Test
  void afterThePaymentNothingIsOverdue() {
    appealView("1997-12-31")
        .body("totals.original[0].received.amount", equalTo("500000.00"))
        .body("totals.original[0].outstanding.amount", equalTo("0.00"))
        .body("totals.original[0].overdue.total.amount", equalTo("0.00"))
        // received at the December rate (7.80): a loss against the pledge's 7.46
        .body("totals.usd.received.amount", equalTo("64102.56"))
        .body("totals.usd.exchangeGainLoss.amount", equalTo("-2921.57"));
  }

  @Test
  void theDonorViewShowsEachPledgesStatusAsOfTheDate() {
    assertThat(donorRowStatus("1997-11-30")).isEqualTo("COMMITTED");
    assertThat(donorRowStatus("1997-12-31")).isEqualTo("PAID");
  }

  private String donorRowStatus(String asOf) {
    return given()
        .queryParam("asOf", asOf)
        .get("/reconciliation/donors/NOR")
        .then()
        .statusCode(200)
        .extract()
        .path("rows.find { it.pledgeId == '%s' }.pledgeStatus".formatted(pledge));
  }

  @Test
  void aPledgeNotYetAnnouncedIsNotInTheView() {
    appealView("1997-07-01").body("rows", empty());
    appealView("1997-07-02").body("totals.original[0].pledged.amount", equalTo("500000.00"));
  }

  @Test
  void knownAtAnInstantBeforeThePaymentWasRecordedItIsStillUnpaid() {
    given()
        .queryParam("asOf", "1997-12-31")
        .queryParam("knownAt", "1998-01-12T00:00:00Z")
        .get("/reconciliation/appeals/" + appeal)
        .then()
        .statusCode(200)
        .body("knownAt", equalTo("1998-01-12T00:00:00Z"))
        .body("totals.original[0].received.amount", equalTo("0.00"))
        // 92 days past due
        .body("totals.original[0].overdue.over90Days.amount", equalTo("500000.00"));
    // and known before the pledge was recorded, there is nothing
    given()
        .queryParam("asOf", "1997-12-31")
        .queryParam("knownAt", "1998-01-01T00:00:00Z")
        .get("/reconciliation/appeals/" + appeal)
        .then()
        .body("rows", empty());
  }

  @Test
  void theCsvIsAsOfTheDateToo() {
    given()
        .accept("text/csv")
        .queryParam("asOf", "1997-11-30")
        .get("/reconciliation/appeals/" + appeal)
        .then()
        .statusCode(200)
        // received, outstanding, the four buckets, their total, written off: 61-90 holds it all
        .body(containsString(",0.00,500000.00,0.00,0.00,500000.00,0.00,500000.00,0.00"));
  }
}
