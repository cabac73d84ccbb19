package org.jointappeal.pledge.forecast;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Pledges;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /forecasts/cash on the real ledger: Norway's committed NOK 746 000 (two instalments) and
 * Sweden's committed SEK 770 000 to one appeal, Norway's first instalment paid; forecast as of 31
 * July 1997 (recorded on 20 September 1997: the commitments, signed on 15 September, come after
 * it).
 */
@QuarkusTest
@StackResource
class CashForecastResourceTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void twoDonorsPledges() {
    // Today, not a day in 1997: the forecast's knownAt defaults to now, and other classes of this
    // run may have recorded the same UN rates (then ours adds no version) at today's instant.
    clock.set(Instant.now());
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Pledges.rate("NOK", "1997-07-01", "7.4600");
    Pledges.rate("SEK", "1997-07-01", "7.7000");
    String nor =
        Pledges.committed(
            appeal,
            "NOR",
            "746000.00",
            "NOK",
            Pledges.schedule("NOK", "1997-07-15", "373000.00", "1997-10-31", "373000.00"));
    Pledges.paid(nor, "NOR", "373000.00", "NOK", "1997-07-20");
    Pledges.committed(
        appeal, "SWE", "770000.00", "SEK", Pledges.schedule("SEK", "1997-09-30", "770000.00"));
  }

  private JsonPath forecast(String accept) {
    return given()
        .accept(accept)
        .queryParam("appealCode", appeal)
        .queryParam("asOf", "1997-07-31")
        .queryParam("months", "5")
        .when()
        .get("/forecasts/cash")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void listsEachMonthWithOrderedQuantilesAndNamesWhatItRestsOn() {
    var f = forecast("application/json");
    assertThat(f.getList("months.month", String.class))
        .containsExactly("1997-08", "1997-09", "1997-10", "1997-11", "1997-12");
    for (Map<String, Object> m : f.<Map<String, Object>>getList("months")) {
      BigDecimal p10 = amount(m, "p10");
      BigDecimal p50 = amount(m, "p50");
      BigDecimal p90 = amount(m, "p90");
      assertThat(p10).isLessThanOrEqualTo(p50);
      assertThat(p50).isLessThanOrEqualTo(p90);
    }
    assertThat(f.getString("modelVersion")).isEqualTo("cash-forecast/1");
    assertThat(f.getLong("seed")).isEqualTo(ForecastRequest.DEFAULT_SEED);
    assertThat(f.getString("valuation")).contains("latest UN operational rate");
    assertThat(f.getList("rates.currency", String.class)).containsExactly("NOK", "SEK");
    assertThat(f.getInt("fittedOn.pledges")).isGreaterThanOrEqualTo(2);
    // paid as of asOf: NOK 373 000 at July's 7.46 = USD 50 000.00
    assertThat(f.getString("periodEnd.paidAsOf.amount")).isEqualTo("50000.00");
    assertThat(f.getString("periodEnd.requirements.amount")).isEqualTo("1000000.00");
    assertThat(new BigDecimal(f.getString("periodEnd.p10CoveragePercent")))
        .isLessThanOrEqualTo(new BigDecimal(f.getString("periodEnd.p50CoveragePercent")));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theExpectationNeverExceedsWhatIsOpen() {
    var f = forecast("application/json");
    BigDecimal total =
        f.<Map<String, Object>>getList("months").stream()
            .map(m -> amount(m, "expected"))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    // open: NOK 373 000 (USD 50 000.00) and SEK 770 000 (USD 100 000.00)
    assertThat(total).isPositive().isLessThanOrEqualTo(new BigDecimal("150000.00"));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void theSameRequestGivesTheSameAnswer() {
    assertThat(forecast("application/json").getList("months"))
        .isEqualTo(forecast("application/json").getList("months"));
  }

  @Test
  @TestSecurity(user = "nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorGetsOnlyItsOwnPledgesCash() {
    var f = forecast("application/json");
    assertThat(f.getString("donorCode")).isEqualTo("NOR");
    List<String> currencies = f.getList("months.byCurrency.currency.flatten()", String.class);
    assertThat(currencies).isNotEmpty().containsOnly("NOK");
    assertThat(f.getList("rates.currency", String.class)).containsExactly("NOK");
    assertThat(f.getString("periodEnd.paidAsOf.amount")).isEqualTo("50000.00");
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void csvHasARowPerMonthAndCurrency() {
    String csv =
        given()
            .accept("text/csv")
            .queryParam("appealCode", appeal)
            .queryParam("asOf", "1997-07-31")
            .queryParam("months", "2")
            .when()
            .get("/forecasts/cash")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .extract()
            .asString();
    assertThat(csv).startsWith(CashForecastCsv.HEADER + "\r\n");
    assertThat(csv).contains(appeal + ",,1997-07-31,1997-08,USD,");
    assertThat(csv).contains("coverage % at 1997-12-31");
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void monthsOutsideOneToThirtySixIsABadRequest() {
    given()
        .queryParam("appealCode", appeal)
        .queryParam("months", "37")
        .when()
        .get("/forecasts/cash")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void anAsOfThatIsNoDateIsABadRequest() {
    given()
        .queryParam("appealCode", appeal)
        .queryParam("asOf", "31.07.1997")
        .when()
        .get("/forecasts/cash")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  @TestSecurity(user = "auditor", roles = "auditor")
  void anUnknownAppealIsNotFound() {
    given()
        .queryParam("appealCode", "NO-SUCH-APPEAL")
        .when()
        .get("/forecasts/cash")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  @TestSecurity(user = "manager", roles = "appeal-manager")
  void aProjectionIsPublishedOnceUntilItChangesMaterially() {
    String path = "/forecasts/cash/projections";
    given()
        .queryParam("appealCode", appeal)
        .queryParam("asOf", "1997-07-31")
        .when()
        .post(path)
        .then()
        .statusCode(200)
        .body("published", equalTo(true))
        .body("projection.monthsLeft", equalTo(5));
    given()
        .queryParam("appealCode", appeal)
        .queryParam("asOf", "1997-07-31")
        .when()
        .post(path)
        .then()
        .statusCode(200)
        .body("published", equalTo(false));
    given()
        .queryParam("appealCode", appeal)
        .queryParam("asOf", "1997-08-31")
        .when()
        .post(path)
        .then()
        .statusCode(200)
        .body("published", equalTo(true))
        .body("projection.monthsLeft", equalTo(4));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aProjectionRetriedWithItsKeyReplaysTheFirstAnswerAndPublishesOnce() {
    String key = java.util.UUID.randomUUID().toString();
    var first =
        given()
            .header("Idempotency-Key", key)
            .queryParam("appealCode", appeal)
            .queryParam("asOf", "1997-07-31")
            .when()
            .post("/forecasts/cash/projections")
            .then()
            .statusCode(200)
            .body("published", equalTo(true))
            .extract()
            .asString();
    given()
        .header("Idempotency-Key", key)
        .queryParam("appealCode", appeal)
        .queryParam("asOf", "1997-07-31")
        .when()
        .post("/forecasts/cash/projections")
        .then()
        .statusCode(200)
        .body(equalTo(first));
    given()
        .header("Idempotency-Key", key)
        .queryParam("appealCode", appeal)
        .queryParam("asOf", "1997-08-31")
        .when()
        .post("/forecasts/cash/projections")
        .then()
        .statusCode(422)
        .body("type", org.hamcrest.Matchers.endsWith("/idempotency-key-reused"));
    assertThat(
            org.jointappeal.pledge.Db.count(
                "select count(*) from outbox_event where type = ? and record_key = ?",
                org.jointappeal.pledge.events.ForecastProjectedV1.TYPE,
                appeal))
        .isOne();
  }

  @Test
  @TestSecurity(user = "nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorCannotPublishAProjection() {
    given()
        .queryParam("appealCode", appeal)
        .when()
        .post("/forecasts/cash/projections")
        .then()
        .statusCode(403);
  }

  private static BigDecimal amount(Map<String, Object> month, String field) {
    @SuppressWarnings("unchecked")
    var money = (Map<String, Object>) month.get(field);
    return new BigDecimal((String) money.get("amount"));
  }
}
