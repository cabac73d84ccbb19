package org.jointappeal.appeal.funding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.Db;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.jointappeal.appeal.appeal.AppealService;
import org.junit.jupiter.api.Test;

/** Operators see each launched appeal's coverage and unmet requirements on /q/metrics. */
@QuarkusTest
@StackResource
class CoverageMetricsTest {

  @TestHTTPResource(value = "metrics", management = true)
  URL metricsUrl;

  private static final Duration WAIT = Duration.ofSeconds(20);

  private String metrics() {
    return given().when().get(metricsUrl).then().statusCode(200).extract().asString();
  }

  private Double metric(String series) {
    return metrics()
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(null);
  }

  private void awaitApplied(String eventId) {
    await()
        .atMost(WAIT)
        .until(
            () -> Db.count("select count(*) from inbox_message where event_id = ?", eventId) == 1);
  }

  @Test
  void coverageIsFundingOverCurrentRequirementsPerLaunchedAppeal() {
    String appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal); // USD 1 000 000
    UUID pledge = UUID.randomUUID();
    PledgeEvents.send(PledgeEvents.ANNOUNCED, appeal, pledge, "300000.00", "ANNOUNCED", 0);
    awaitApplied(
        PledgeEvents.send(PledgeEvents.COMMITTED, appeal, pledge, "300000.00", "COMMITTED", 1));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(metric("jointappeal_funding_coverage{appeal=\"" + appeal + "\"}"))
                  .isEqualTo(0.30);
              assertThat(metric("jointappeal_funding_unmet_usd{appeal=\"" + appeal + "\"}"))
                  .isEqualTo(700000.0);
            });
  }

  @Test
  void aClosedAppealLeavesTheGauges() {
    String appeal = Appeals.uniqueCode();
    String series = "jointappeal_funding_coverage{appeal=\"" + appeal + "\"}";
    AppealFixtures.launched(appeal);
    await().atMost(WAIT).until(() -> metric(series) != null);

    Arc.container().instance(AppealService.class).get().close(appeal, OptionalLong.empty(), "test");

    await().atMost(WAIT).until(() -> metric(series) == null);
  }

  @Test
  void anAppealWithoutStoredFiguresIsComputed() {
    String appeal = Appeals.uniqueCode();
    AppealFixtures.launched(appeal); // USD 1 000 000
    UUID pledge = UUID.randomUUID();
    awaitApplied(
        PledgeEvents.send(PledgeEvents.COMMITTED, appeal, pledge, "250000.00", "COMMITTED", 1));
    // as an appeal last published before the figures were stored
    assertThat(
            Db.update(
                "update appeal_funding set coverage_percent = null, unmet_usd = null"
                    + " where appeal_code = ?",
                appeal))
        .isEqualTo(1);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(metric("jointappeal_funding_coverage{appeal=\"" + appeal + "\"}"))
                  .isEqualTo(0.25);
              assertThat(metric("jointappeal_funding_unmet_usd{appeal=\"" + appeal + "\"}"))
                  .isEqualTo(750000.0);
            });
  }
}
