package org.jointappeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jointappeal.localstack.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost when parts fail: pledges accepted while the broker is down, or by a service
 * killed before its relay could publish, reach appeal-service once the parts are back, and the
 * funding figures agree with pledge-service's pledges to the cent.
 */
class DeliveryUnderFaultsIT {

  private static final Duration RECOVERY = Duration.ofMinutes(2);

  @BeforeAll
  static void exchangeRates() {
    Api.as("finance", "pledge-service")
        .body("{\"unitsPerUsd\":\"7.46\"}")
        .put("/exchange-rates/NOK/1997-07-01")
        .then()
        .statusCode(anyOf(equalTo(200), equalTo(201)));
  }

  @Test
  void eventsCommittedBeforeAKillAreDeliveredAfterTheRestart() throws Exception {
    Platform platform = RunningPlatform.get();
    String appeal = launchedAppealKnownToPledgeService();

    platform.kafka().kill(); // the relay cannot publish: rows stay in the outbox
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(announce(appeal, i % 2 == 0 ? "1234.56" : "98765.43", i % 2 == 0 ? "NOK" : "USD"));
    }
    commit(ids.get(0));
    platform.service("pledge-service").kill(); // kill -9 after commit, before publish

    platform.kafka().restart();
    platform.service("pledge-service").restart(Duration.ofMinutes(3));

    awaitFundingMatchesPledges(appeal, 5 + 1); // + the probe pledge
  }

  @Test
  void pledgesAcceptedWhileTheBrokerIsDownForThirtySecondsAllArrive() throws Exception {
    Platform platform = RunningPlatform.get();
    String appeal = launchedAppealKnownToPledgeService();

    platform.kafka().kill();
    List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    var load = Executors.newSingleThreadScheduledExecutor();
    var counter = new java.util.concurrent.atomic.AtomicInteger();
    load.scheduleAtFixedRate(
        () -> {
          int n = counter.getAndIncrement();
          String amount =
              (n % 3 == 0 ? "7460.00" : (1000 + n) + "." + String.format("%02d", n % 100));
          var response =
              Api.as("finance", "pledge-service")
                  .body(Api.pledge(appeal, "NOR", amount, n % 3 == 0 ? "NOK" : "USD"))
                  .post("/pledges");
          statuses.add(response.statusCode());
          if (response.statusCode() == 201 && n % 4 == 0) {
            commit(response.path("id"));
          }
        },
        0,
        1500,
        TimeUnit.MILLISECONDS);
    // the broker stays down for 30 s while pledges keep coming
    load.schedule(load::shutdown, 30, TimeUnit.SECONDS);
    assertThat(load.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
    platform.kafka().restart();

    assertThat(statuses).hasSizeGreaterThanOrEqualTo(15).containsOnly(201);
    awaitFundingMatchesPledges(appeal, statuses.size() + 1); // + the probe pledge
  }

  /** appeal-service's figures equal the sums of pledge-service's own pledges, to the cent. */
  private static void awaitFundingMatchesPledges(String appeal, int expectedPledges) {
    await()
        .atMost(RECOVERY)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonPath pledges =
                  Api.as("finance", "pledge-service")
                      .queryParam("appealCode", appeal)
                      .queryParam("limit", 1000) // one page holds them all
                      .get("/pledges")
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              List<Map<String, Object>> list = pledges.getList("");
              assertThat(list).hasSize(expectedPledges);
              Map<String, BigDecimal> byStatus =
                  list.stream()
                      .collect(
                          Collectors.groupingBy(
                              p -> (String) p.get("status"),
                              Collectors.reducing(
                                  BigDecimal.ZERO,
                                  p ->
                                      new BigDecimal(
                                          (String) ((Map<?, ?>) p.get("usdValue")).get("amount")),
                                  BigDecimal::add)));
              JsonPath funding =
                  Api.as("auditor", "appeal-service")
                      .get("/appeals/" + appeal + "/funding")
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              assertThat(new BigDecimal(funding.getString("pledged.amount")))
                  .isEqualByComparingTo(byStatus.getOrDefault("ANNOUNCED", BigDecimal.ZERO));
              assertThat(new BigDecimal(funding.getString("committed.amount")))
                  .isEqualByComparingTo(byStatus.getOrDefault("COMMITTED", BigDecimal.ZERO));
            });
  }

  private static String launchedAppealKnownToPledgeService() {
    String appeal = Api.uniqueAppealCode();
    Api.createAndLaunch(appeal);
    // a probe pledge, repeated until pledge-service has the launch from appeal-events
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Api.as("finance", "pledge-service")
                        .body(Api.pledge(appeal, "SWE", "0.01", "USD"))
                        .post("/pledges")
                        .statusCode()
                    == 201);
    return appeal;
  }

  private static String announce(String appeal, String amount, String currency) {
    return Api.as("finance", "pledge-service")
        .body(Api.pledge(appeal, "NOR", amount, currency))
        .post("/pledges")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static void commit(String pledgeId) {
    Api.as("finance", "pledge-service")
        .body(
            "{\"agreementReference\":\"FAULT-"
                + pledgeId.substring(0, 8)
                + "\",\"signedOn\":\"1997-09-15\"}")
        .post("/pledges/" + pledgeId + "/commitment")
        .then()
        .statusCode(200);
  }
}
