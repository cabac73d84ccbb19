package org.jointappeal.pledge.fx;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rates are versioned: a correction is a new version with who, when, the old value and why; what
 * was valued keeps its rate until a finance officer asks for a re-valuation (an event); a date
 * whose month and the month before have no rate is refused, never bridged.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class RateHistoryTest {

  @Inject TestClock clock;

  /** A currency of its own per test (rates are global), no other test uses it. */
  String currency;

  @BeforeEach
  void resetClock() {
    clock.reset();
  }

  private ValidatableResponse put(String effectiveFrom, String body) {
    return given()
        .contentType(JSON)
        .body(body)
        .when()
        .put("/exchange-rates/" + currency + "/" + effectiveFrom)
        .then();
  }

  @Test
  void aCorrectionIsANewVersionWithWhoWhenTheOldValueAndWhy() {
    currency = "AUD";
    clock.set(Instant.parse("1997-07-01T08:00:00Z"));
    put("1997-07-01", "{\"unitsPerUsd\":\"1.50\"}").statusCode(201).body("version", equalTo(1));
    clock.set(Instant.parse("1997-07-14T10:00:00Z"));
    put("1997-07-01", "{\"unitsPerUsd\":\"1.52\",\"reason\":\"UN Treasury correction\"}")
        .statusCode(200)
        .body("version", equalTo(2))
        .body("unitsPerUsd", equalTo("1.52"));
    // the same value again is no correction
    put("1997-07-01", "{\"unitsPerUsd\":\"1.520\"}").statusCode(200).body("version", equalTo(2));

    given()
        .get("/exchange-rates/" + currency + "/1997-07-01/versions")
        .then()
        .statusCode(200)
        .body("version", contains(1, 2))
        .body("unitsPerUsd", contains("1.5", "1.52"))
        .body("[0].previousUnitsPerUsd", nullValue())
        .body("[1].previousUnitsPerUsd", equalTo("1.5"))
        .body("[1].reason", equalTo("UN Treasury correction"))
        .body("[1].recordedBy", equalTo("finance"))
        .body("[1].recordedAt", equalTo("1997-07-14T10:00:00Z"));

    // the table as known before the correction still shows the first value
    given()
        .queryParam("currency", currency)
        .queryParam("knownAt", "1997-07-10T00:00:00Z")
        .get("/exchange-rates")
        .then()
        .body("unitsPerUsd", contains("1.5"));
    given()
        .queryParam("currency", currency)
        .queryParam("knownAt", "1997-06-30T00:00:00Z")
        .get("/exchange-rates")
        .then()
        .body("", empty());
  }

  @Test
  void theTableAsOfADateShowsTheRateInForceThen() {
    currency = "CAD";
    put("1997-07-01", "{\"unitsPerUsd\":\"1.50\"}").statusCode(201);
    put("1997-07-15", "{\"unitsPerUsd\":\"1.55\"}").statusCode(201);
    put("1997-08-01", "{\"unitsPerUsd\":\"1.60\"}").statusCode(201);

    asOf("1997-07-14").body("unitsPerUsd", contains("1.5"));
    asOf("1997-07-31").body("unitsPerUsd", contains("1.55"));
    asOf("1997-09-30").body("unitsPerUsd", contains("1.6"));
    // October's month and the month before have no rate: nothing is in force
    asOf("1997-10-01").body("", empty());
    asOf("1997-06-30").body("", empty());
  }

  private ValidatableResponse asOf(String date) {
    return given()
        .queryParam("currency", currency)
        .queryParam("asOf", date)
        .get("/exchange-rates")
        .then()
        .statusCode(200);
  }

  @Test
  void aDateWhoseMonthAndTheMonthBeforeHaveNoRateIsRefused() {
    currency = "NZD";
    put("1997-07-01", "{\"unitsPerUsd\":\"1.50\"}").statusCode(201);

    receipt("1997-08-31").statusCode(201); // July's rate carries into the month after
    receipt("1997-09-01")
        .statusCode(422)
        .body("type", endsWith("/missing-unore-rate"))
        .body("detail", containsString(currency))
        .body("detail", containsString("1997-09"));

    // a mid-month correction effective in August carries into September
    put("1997-08-20", "{\"unitsPerUsd\":\"1.58\"}").statusCode(201);
    receipt("1997-09-30").statusCode(201).body("unitsPerUsd", equalTo("1.58"));
  }

  private ValidatableResponse receipt(String valueDate) {
    return given()
        .contentType(JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"donorCode":"NOR","amount":{"amount":"100.00","currency":"%s"},
             "valueDate":"%s","bankReference":"RATE-%s"}"""
                .formatted(currency, valueDate, UUID.randomUUID()))
        .when()
        .post("/receipts")
        .then();
  }

  @Test
  void aValuedPledgeKeepsItsRateUntilAFinanceOfficerAsksForARevaluation() {
    currency = "CZK";
    String appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    put("1997-07-01", "{\"unitsPerUsd\":\"2.00\"}").statusCode(201);
    String pledge =
        given()
            .contentType(JSON)
            .body(
                """
                {"appealCode":"%s","donorCode":"NOR","amount":{"amount":"1000.00","currency":"%s"},
                 "announcedOn":"1997-07-02"}"""
                    .formatted(appeal, currency))
            .post("/pledges")
            .then()
            .statusCode(201)
            .body("usdValue.amount", equalTo("500.00"))
            .extract()
            .path("id");

    put("1997-07-01", "{\"unitsPerUsd\":\"2.50\",\"reason\":\"typing error\"}").statusCode(200);
    given().get("/pledges/" + pledge).then().body("usdValue.amount", equalTo("500.00"));
    assertThat(revaluedEvents(pledge)).isZero();

    revalue(pledge)
        .statusCode(200)
        .body("usdValue.amount", equalTo("400.00"))
        .body("unitsPerUsd", equalTo("2.5"));
    assertThat(revaluedEvents(pledge)).isEqualTo(1);
    assertThat(
            Db.column(
                    "select payload from outbox_event where subject = ? and type = ?",
                    pledge,
                    "org.jointappeal.pledge.revalued.v1")
                .get(0)
                .toString())
        .contains("\"previousUnitsPerUsd\":\"2\"")
        .contains("\"occurredOn\":\"1997-08-20\"")
        .contains("typing error");

    // asked again with nothing corrected: nothing changes, nothing is published
    revalue(pledge).statusCode(200).body("usdValue.amount", equalTo("400.00"));
    assertThat(revaluedEvents(pledge)).isEqualTo(1);
  }

  private static ValidatableResponse revalue(String pledge) {
    return given()
        .contentType(JSON)
        .body("{\"revaluedOn\":\"1997-08-20\",\"reason\":\"typing error\"}")
        .post("/pledges/" + pledge + "/revaluation")
        .then();
  }

  private static long revaluedEvents(String pledge) {
    return Db.count(
        "select count(*) from outbox_event where subject = ? and type = ?",
        pledge,
        "org.jointappeal.pledge.revalued.v1");
  }
}
