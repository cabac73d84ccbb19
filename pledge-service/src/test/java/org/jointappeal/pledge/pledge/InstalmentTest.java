package org.jointappeal.pledge.pledge;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class InstalmentTest {

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void launchedAppeal() {
    clock.reset();
    appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Rates.record("JPY", "1997-07-01", "114.50");
  }

  private String pledge(String amount, String currency, String instalments) {
    return """
        {"appealCode":"%s","donorCode":"JPN","amount":{"amount":"%s","currency":"%s"},
         "announcedOn":"1997-07-02","instalments":%s}"""
        .formatted(appeal, amount, currency, instalments);
  }

  private static String instalment(String dueOn, String amount, String currency) {
    return "{\"dueOn\":\"%s\",\"amount\":{\"amount\":\"%s\",\"currency\":\"%s\"}}"
        .formatted(dueOn, amount, currency);
  }

  private long pledgesOfAppeal() {
    return Db.count("select count(*) from pledge where appeal_code = ?", appeal);
  }

  @Test
  void withoutAScheduleOneInstalmentFallsDueAtTheEndOfTheAppealsPeriod() {
    given()
        .contentType(JSON)
        .body(PledgeResourceTest.pledge(appeal, "JPN", "1000000", "JPY"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(201)
        .body("instalments", hasSize(1))
        .body("instalments[0].number", equalTo(1))
        .body("instalments[0].dueOn", equalTo("1997-12-31"))
        .body("instalments[0].amount.amount", equalTo("1000000"))
        .body("instalments[0].status", equalTo("PENDING"))
        .body("outstanding.amount", equalTo("1000000"))
        .body("outstandingUsd.amount", equalTo("8733.62"));
  }

  @Test
  void instalmentsAreNumberedByDueDate() {
    given()
        .contentType(JSON)
        .body(
            pledge(
                "100.00",
                "USD",
                "[%s,%s]"
                    .formatted(
                        instalment("1997-12-31", "66.67", "USD"),
                        instalment("1997-09-30", "33.33", "USD"))))
        .when()
        .post("/pledges")
        .then()
        .statusCode(201)
        .body("instalments.number", contains(1, 2))
        .body("instalments.dueOn", contains("1997-09-30", "1997-12-31"))
        .body("instalments.amount.amount", contains("33.33", "66.67"));
  }

  @Test
  void instalmentsThatDoNotSumExactlyAreRejected() {
    // three thirds of 100.00 rounded to cents lose a cent
    given()
        .contentType(JSON)
        .body(
            pledge(
                "100.00",
                "USD",
                "[%s,%s,%s]"
                    .formatted(
                        instalment("1997-09-30", "33.33", "USD"),
                        instalment("1997-10-31", "33.33", "USD"),
                        instalment("1997-11-30", "33.33", "USD"))))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/instalments-not-summing"))
        .body("detail", org.hamcrest.Matchers.containsString("99.99"));
    assertThat(pledgesOfAppeal()).isZero();
  }

  @Test
  void anInstalmentInAnotherCurrencyIsRejected() {
    given()
        .contentType(JSON)
        .body(pledge("100.00", "USD", "[%s]".formatted(instalment("1997-09-30", "11450", "JPY"))))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/instalment-currency-differs"));
  }

  @Test
  void anInstalmentDueBeforeTheAnnouncementIsRejected() {
    given()
        .contentType(JSON)
        .body(pledge("100.00", "USD", "[%s]".formatted(instalment("1997-07-01", "100.00", "USD"))))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/instalment-due-before-announcement"));
  }

  @Test
  void anInstalmentWithMoreDecimalsThanTheCurrencyHasIsRejected() {
    given()
        .contentType(JSON)
        .body(
            pledge(
                "1000",
                "JPY",
                "[%s,%s]"
                    .formatted(
                        instalment("1997-09-30", "500.5", "JPY"),
                        instalment("1997-10-31", "499.5", "JPY"))))
        .when()
        .post("/pledges")
        .then()
        .statusCode(422)
        .body("type", endsWith("/too-many-decimals"));
  }

  @Test
  void anEmptyScheduleIsABadRequest() {
    given()
        .contentType(JSON)
        .body(pledge("100.00", "USD", "[]"))
        .when()
        .post("/pledges")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItem("instalments"));
  }
}
