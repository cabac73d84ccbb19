package org.jointappeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cash-in forecast with real tokens, on a 1997 scenario with a generated history (issue #19).
 *
 * <p>Two organisations of this test's own (illustrative): one has always paid about 90 days late
 * (90 ± 5 days, seeded), the other on the due date. For each of 1993 to 1996 each pledged USD
 * 400,000 to a yearly appeal of this test, in four instalments, all paid. In 1997 each committed
 * USD 900,000 to an appeal of its own (USD 1,000,000 of requirements, period ending 31 December),
 * due 31 October and 30 November. As of 31 July 1997 the late payer's money is projected to arrive
 * after the period ends, the punctual one's before: the projected-gap alert (default rule: p50
 * below 50 % with at least 3 months left) fires for the first appeal and not for the second.
 * Everything here is USD (rate 1): the shared UNORE table is left alone.
 */
class CashForecastIT {

  private static final Duration PROPAGATION = Duration.ofSeconds(90);
  private static final long SEED = 19970702L;

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  private static final String LATE_APPEAL = "CFL-1997-" + SUFFIX;
  private static final String ON_TIME_APPEAL = "CFO-1997-" + SUFFIX;

  static String lateDonor;
  static String onTimeDonor;

  @BeforeAll
  static void historyAndTheYear1997() {
    lateDonor = Fixtures.donor();
    onTimeDonor = Fixtures.donor();
    var random = new SplittableRandom(SEED);
    for (int year = 1993; year <= 1996; year++) {
      String appeal = "CFH-%d-%s".formatted(year, SUFFIX);
      launch(appeal, year);
      for (String donor : List.of(lateDonor, onTimeDonor)) {
        List<LocalDate> due =
            List.of(
                LocalDate.of(year, 3, 31),
                LocalDate.of(year, 6, 30),
                LocalDate.of(year, 9, 30),
                LocalDate.of(year, 12, 31));
        String pledge =
            committed(appeal, donor, LocalDate.of(year, 1, 15), "400000.00", due, "100000.00");
        for (LocalDate d : due) {
          int delay = donor.equals(lateDonor) ? 85 + random.nextInt(11) : 0;
          pay(pledge, donor, "100000.00", d.plusDays(delay));
        }
      }
    }
    launch(LATE_APPEAL, 1997);
    launch(ON_TIME_APPEAL, 1997);
    List<LocalDate> due = List.of(LocalDate.of(1997, 10, 31), LocalDate.of(1997, 11, 30));
    committed(LATE_APPEAL, lateDonor, LocalDate.of(1997, 7, 2), "900000.00", due, "450000.00");
    committed(ON_TIME_APPEAL, onTimeDonor, LocalDate.of(1997, 7, 2), "900000.00", due, "450000.00");
  }

  private static JsonPath forecast(String appeal) {
    return Api.as("finance", "pledge-service")
        .queryParam("appealCode", appeal)
        .queryParam("asOf", "1997-07-31")
        .queryParam("months", "5")
        .get("/forecasts/cash")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aForecastAsOfTheEndOfJulyListsEachMonthToDecemberWithOrderedQuantiles() {
    var f = forecast(LATE_APPEAL);

    assertThat(f.getList("months.month", String.class))
        .containsExactly("1997-08", "1997-09", "1997-10", "1997-11", "1997-12");
    for (Map<String, Object> month : f.<Map<String, Object>>getList("months")) {
      assertThat(amount(month, "p10")).isLessThanOrEqualTo(amount(month, "p50"));
      assertThat(amount(month, "p50")).isLessThanOrEqualTo(amount(month, "p90"));
    }
    assertThat(f.getString("modelVersion")).isEqualTo("cash-forecast/1");
    assertThat(f.getInt("fittedOn.paidInstalments")).isGreaterThanOrEqualTo(32);
    assertThat(f.getString("periodEnd.periodEnd")).isEqualTo("1997-12-31");
    assertThat(f.getString("periodEnd.requirements.amount")).isEqualTo("1000000.00");
  }

  @Test
  void theLatePayersAppealIsProjectedShortAndTheProjectedGapAlertFires() {
    var projection = project(LATE_APPEAL);
    assertThat(new BigDecimal(projection.getString("projection.p50CoveragePercent")))
        .isLessThan(new BigDecimal("50"));

    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () ->
                assertThat(alerts(LATE_APPEAL))
                    .as("projected-gap alerts of %s", LATE_APPEAL)
                    .containsExactly("FIRING"));
  }

  @Test
  void thePunctualPayersAppealIsProjectedCoveredAndNoAlertFires() {
    var projection = project(ON_TIME_APPEAL);
    assertThat(new BigDecimal(projection.getString("projection.p50CoveragePercent")))
        .isGreaterThanOrEqualTo(new BigDecimal("50"));

    // notification-service has the projection (and so has evaluated it) ...
    await()
        .atMost(PROPAGATION)
        .until(
            () ->
                Databases.count(
                        "notification-service",
                        "select count(*) from appeal_projection where appeal_code = ?",
                        ON_TIME_APPEAL)
                    == 1);
    // ... and raised nothing for it
    assertThat(alerts(ON_TIME_APPEAL)).isEmpty();
  }

  private static JsonPath project(String appeal) {
    return Api.as("finance", "pledge-service")
        .queryParam("appealCode", appeal)
        .queryParam("asOf", "1997-07-31")
        .post("/forecasts/cash/projections")
        .then()
        .statusCode(200)
        .body("projection.monthsLeft", equalTo(5))
        .extract()
        .jsonPath();
  }

  /** The statuses of the default projected-gap rule's alerts about the appeal. */
  private static List<String> alerts(String appeal) {
    return Api.as("finance", "notification-service")
        .queryParam("appealCode", appeal)
        .queryParam("rule", "projected-funding-gap")
        .get("/alerts")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("status", String.class);
  }

  private static BigDecimal amount(Map<String, Object> month, String field) {
    @SuppressWarnings("unchecked")
    var money = (Map<String, Object>) month.get(field);
    return new BigDecimal((String) money.get("amount"));
  }

  // --- the history, through the public APIs -----------------------------------------------

  /** A calendar-year appeal of USD 1,000,000, launched on 10 January, known to pledge-service. */
  private static void launch(String code, int year) {
    Api.as("manager", "appeal-service")
        .body(
            """
            {"code":"%s","title":"Cash forecast test appeal %s (illustrative)","agencies":["UNHCR"],
             "periodStart":"%d-01-01","periodEnd":"%d-12-31",
             "requirementLines":[
               {"country":"GEO","agency":"UNHCR","sector":"PROTECTION","category":"INTERNALLY_DISPLACED_PERSONS",
                "priority":"NON_EMERGENCY","amount":{"amount":"1000000.00","currency":"USD"}}]}"""
                .formatted(code, code, year, year))
        .post("/appeals")
        .then()
        .statusCode(201);
    Api.as("manager", "appeal-service")
        .queryParam("launchedOn", year + "-01-10")
        .post("/appeals/" + code + "/launch")
        .then()
        .statusCode(200);
    await()
        .atMost(PROPAGATION)
        .until(
            () ->
                Databases.count(
                        "pledge-service",
                        "select count(*) from known_appeal where code = ? and status = 'LAUNCHED'"
                            + " and requirements_usd is not null",
                        code)
                    == 1);
  }

  /** Announced on {@code on}, committed a week later, in equal USD instalments. */
  private static String committed(
      String appeal,
      String donor,
      LocalDate on,
      String amount,
      List<LocalDate> dueOn,
      String instalment) {
    var schedule = new StringBuilder();
    for (LocalDate d : dueOn) {
      if (!schedule.isEmpty()) {
        schedule.append(',');
      }
      schedule.append(
          "{\"dueOn\":\"%s\",\"amount\":{\"amount\":\"%s\",\"currency\":\"USD\"}}"
              .formatted(d, instalment));
    }
    String pledge =
        Api.as("finance", "pledge-service")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                """
                {"appealCode":"%s","donorCode":"%s","amount":{"amount":"%s","currency":"USD"},
                 "announcedOn":"%s","occasion":"Pledging conference (illustrative)",
                 "instalments":[%s]}"""
                    .formatted(appeal, donor, amount, on, schedule))
            .post("/pledges")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("finance", "pledge-service")
        .body(
            "{\"agreementReference\":\"CF-%s\",\"signedOn\":\"%s\"}"
                .formatted(pledge.substring(0, 8), on.plusDays(7)))
        .post("/pledges/" + pledge + "/commitment")
        .then()
        .statusCode(200);
    return pledge;
  }

  /** A USD receipt of the donor on the value date, allocated whole to the pledge. */
  private static void pay(String pledge, String donor, String amount, LocalDate valueDate) {
    String receipt =
        Api.as("finance", "pledge-service")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                """
                {"donorCode":"%s","amount":{"amount":"%s","currency":"USD"},"valueDate":"%s",
                 "bankReference":"CF-%s","remittanceText":"Contribution"}"""
                    .formatted(donor, amount, valueDate, UUID.randomUUID()))
            .post("/receipts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Fixtures.allocation(receipt, pledge, amount);
  }
}
