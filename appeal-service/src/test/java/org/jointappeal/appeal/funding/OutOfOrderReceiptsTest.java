package org.jointappeal.appeal.funding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.TestClock;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.jointappeal.appeal.events.PledgeEventV1.PledgeChanged;
import org.jointappeal.appeal.events.PledgeStateV1;
import org.jointappeal.appeal.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #15's measured case: NOK 1,000,000 at 7.40, announced 2 July 1997 and committed 10 July;
 * receipt A (NOK 400,000, value date 10 September, at 7.50) is allocated first, receipt B (NOK
 * 600,000, value date 20 August, at 7.60) second. As of 31 August only B is paid, at its own rate,
 * and the NOK 400,000 still outstanding then is committed at the pledge's rate, rounded once:
 * 54,054.05 (not 135,135.14 - 81,081.08 = 54,054.06, a difference of per-movement roundings).
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "auditor", roles = "auditor")
class OutOfOrderReceiptsTest {

  private static final BigDecimal RATE = new BigDecimal("7.40");

  @Inject FundingService funding;
  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void receiptsRecordedOutOfValueDateOrder() {
    clock.set(Instant.parse("1997-07-01T08:00:00Z"));
    appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal);
    clock.reset();
    UUID pledge = UUID.randomUUID();
    var events =
        List.of(
            state(
                pledge,
                0,
                "ANNOUNCED",
                "1000000",
                "0",
                "0.00",
                "1997-07-02",
                "1997-07-02T10:00:00Z"),
            state(
                pledge,
                1,
                "COMMITTED",
                "1000000",
                "0",
                "0.00",
                "1997-07-10",
                "1997-07-10T10:00:00Z"),
            state(
                pledge,
                2,
                "PARTIALLY_PAID",
                "600000",
                "400000",
                "53333.33",
                "1997-09-10",
                "1997-09-12T10:00:00Z"),
            state(
                pledge,
                3,
                "PAID",
                "0",
                "1000000",
                "132280.70",
                "1997-08-20",
                "1997-09-15T10:00:00Z"));
    // one event per transaction, in the order pledge-service recorded them
    for (var event : events) {
      QuarkusTransaction.requiringNew().run(() -> funding.keep(List.of(event)));
    }
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private PledgeChanged state(
      UUID pledge,
      long version,
      String status,
      String outstanding,
      String paid,
      String paidUsd,
      String occurredOn,
      String recordedAt) {
    var nok = new BigDecimal(outstanding);
    var state =
        new PledgeStateV1(
            pledge,
            appeal,
            "NOR",
            Money.of("1000000.00", "NOK"),
            Money.of("135135.14", "USD"),
            RATE,
            LocalDate.parse("1997-07-02"),
            status,
            version,
            null,
            Money.of(paidUsd, "USD"),
            Money.of(PledgePosition.usd(nok, RATE), "USD"),
            Money.of("0.00", "USD"),
            Money.of(paid, "NOK"),
            Money.of(nok, "NOK"),
            Money.of("0", "NOK"));
    return new PledgeChanged(
        "org.jointappeal.pledge.x.v1",
        appeal,
        state,
        LocalDate.parse(occurredOn),
        Instant.parse(recordedAt));
  }

  @Test
  void asOfTheEndOfAugustOnlyTheAugustReceiptIsPaidAndTheRestIsCommittedAtThePledgesRate() {
    given()
        .queryParam("asOf", "1997-08-31")
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(200)
        .body("paid.amount", equalTo("78947.37"))
        .body("committed.amount", equalTo("54054.05"))
        .body("funding.amount", equalTo("133001.42"));
  }

  @Test
  void knownBeforeTheAugustReceiptWasRecordedTheEndOfAugustWasAllCommitted() {
    given()
        .queryParam("asOf", "1997-08-31")
        .queryParam("knownAt", "1997-09-14T00:00:00Z")
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(200)
        .body("paid.amount", equalTo("0.00"))
        .body("committed.amount", equalTo("135135.14"));
  }

  @Test
  void todayEverythingIsPaidAtTheReceiptsRates() {
    given()
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(200)
        .body("paid.amount", equalTo("132280.70"))
        .body("committed.amount", equalTo("0.00"));
  }

  @Test
  void theCsvAndTheFlowSummaryTakeKnownAtToo() {
    given()
        .accept("text/csv")
        .queryParam("asOf", "1997-08-31")
        .queryParam("knownAt", "1997-09-14T00:00:00Z")
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString(",0.00,135135.14,0.00,135135.14,"));
    given()
        .queryParam("asOf", "1997-08-31")
        .get("/appeals/" + appeal + "/funding/flow-summary")
        .then()
        .statusCode(200)
        .body("funding.totalFunding.amount", equalTo("133001.42"));
  }

  @Test
  void aKnownAtThatIsNotAnInstantIsABadRequestNamingIt() {
    given()
        .queryParam("knownAt", "1997-09-14")
        .get("/appeals/" + appeal + "/funding")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("knownAt"));
  }
}
