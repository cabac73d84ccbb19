package org.jointappeal.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The skeleton's story, from the outside with real tokens: an appeal is launched, donors pledge,
 * finance commits, funding follows over Kafka, and the gap alert fires and resolves.
 */
class WalkingSkeletonIT {

  private static final Duration PROPAGATION = Duration.ofSeconds(30);

  @Test
  void fundingAndTheGapAlertFollowPledgesAcrossAllThreeServices() {
    String appeal = Api.uniqueAppealCode();
    Api.createAndLaunch(appeal);

    // launched with no funding: 0 % < 50 %, the gap alert fires
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () ->
                Api.as("finance", "notification-service")
                    .queryParam("appealCode", appeal)
                    .queryParam("rule", "funding-gap") // overdue-instalment rules watch it too
                    .get("/alerts")
                    .then()
                    .statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].status", equalTo("FIRING"))
                    .body("[0].labels.rule", equalTo("funding-gap")));

    Api.as("finance", "pledge-service")
        .body("{\"unitsPerUsd\":\"7.46\"}")
        .put("/exchange-rates/NOK/1997-07-01")
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));

    // NOK 2 238 000 at 7.46 = USD 300 000.00, announced by Norway itself
    String norway =
        awaitPledgeAccepted(appeal, "donor-nor", Api.pledge(appeal, null, "2238000.00", "NOK"));
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () ->
                Api.as("auditor", "appeal-service")
                    .get("/appeals/" + appeal + "/funding")
                    .then()
                    .statusCode(200)
                    .body("pledged.amount", equalTo("300000.00"))
                    .body("funding.amount", equalTo("0.00"))
                    .body("coveragePercent", equalTo("0.00")));

    commit(norway, "NOR-E2E-1");
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () ->
                Api.as("auditor", "appeal-service")
                    .get("/appeals/" + appeal + "/funding")
                    .then()
                    .body("pledged.amount", equalTo("0.00"))
                    .body("committed.amount", equalTo("300000.00"))
                    .body("funding.amount", equalTo("300000.00"))
                    .body("coveragePercent", equalTo("30.00"))
                    .body("unmet.amount", equalTo("700000.00")));

    // 30 % is still a gap
    Api.as("manager", "notification-service")
        .queryParam("appealCode", appeal)
        .queryParam("rule", "funding-gap") // overdue-instalment rules watch it too
        .get("/alerts")
        .then()
        .body("[0].status", equalTo("FIRING"))
        .body("[0].coveragePercent", equalTo("30.00"));

    // Sweden, recorded by a finance officer, brings funding to 55 %: the alert resolves
    String sweden =
        Api.as("finance", "pledge-service")
            .body(Api.pledge(appeal, "SWE", "250000.00", "USD"))
            .post("/pledges")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    commit(sweden, "SWE-E2E-1");
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () ->
                Api.as("finance", "notification-service")
                    .queryParam("appealCode", appeal)
                    .queryParam("rule", "funding-gap") // overdue-instalment rules watch it too
                    .get("/alerts")
                    .then()
                    .body("", hasSize(1))
                    .body("[0].status", equalTo("RESOLVED"))
                    .body("[0].coveragePercent", equalTo("55.00")));
    Api.as("auditor", "appeal-service")
        .get("/appeals/" + appeal + "/funding")
        .then()
        .body("funding.amount", equalTo("550000.00"))
        .body("coveragePercent", equalTo("55.00"));
  }

  /** pledge-service learns of the launch through Kafka: the first pledge may need a moment. */
  private static String awaitPledgeAccepted(String appeal, String donor, String body) {
    String[] id = new String[1];
    await()
        .atMost(PROPAGATION)
        .until(
            () -> {
              var response = Api.as(donor, "pledge-service").body(body).post("/pledges");
              if (response.statusCode() == 201) {
                id[0] = response.path("id");
                return true;
              }
              return false;
            });
    return id[0];
  }

  private static void commit(String pledgeId, String agreement) {
    Api.as("finance", "pledge-service")
        .body("{\"agreementReference\":\"" + agreement + "\",\"signedOn\":\"1997-09-15\"}")
        .post("/pledges/" + pledgeId + "/commitment")
        .then()
        .statusCode(200)
        .body("status", equalTo("COMMITTED"));
  }
}
