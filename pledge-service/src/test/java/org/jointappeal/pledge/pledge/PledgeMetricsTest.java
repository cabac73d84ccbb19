package org.jointappeal.pledge.pledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.Db;
import org.jointappeal.pledge.Pledges;
import org.jointappeal.pledge.StackResource;
import org.junit.jupiter.api.Test;

/** Operators see the pledges per status, and their USD value, on /q/metrics. */
@QuarkusTest
@StackResource
class PledgeMetricsTest {

  @TestHTTPResource(value = "metrics", management = true)
  URL metricsUrl;

  private static final Duration REFRESH = Duration.ofSeconds(15);

  private double metric(String series) {
    String metrics = given().when().get(metricsUrl).then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " not on /q/metrics"));
  }

  private long inDatabase(String status) {
    return Db.count("select count(*) from pledge where status = ?", status);
  }

  /** Waits until the gauges show what the database holds now, and returns that. */
  private double settled(String series, String status) {
    long rows = inDatabase(status);
    await().atMost(REFRESH).until(() -> metric(series) == inDatabase(status));
    return rows;
  }

  @Test
  void pledgesAreCountedPerStatus() {
    double announced = settled("jointappeal_pledges{status=\"ANNOUNCED\"}", "ANNOUNCED");
    double committed = settled("jointappeal_pledges{status=\"COMMITTED\"}", "COMMITTED");
    String appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);

    Pledges.announced(appeal, "NOR", "100.00", "USD", null);
    Pledges.announced(appeal, "NOR", "250.00", "USD", null);
    Pledges.committed(appeal, "NOR", "1000.00", "USD", null);

    await()
        .atMost(REFRESH)
        .untilAsserted(
            () -> {
              assertThat(metric("jointappeal_pledges{status=\"ANNOUNCED\"}"))
                  .isEqualTo(announced + 2);
              assertThat(metric("jointappeal_pledges{status=\"COMMITTED\"}"))
                  .isEqualTo(committed + 1);
            });
  }

  @Test
  void theUsdValueOfEachStatusIsTheSumAtAnnouncementRates() {
    String series = "jointappeal_pledges_usd{status=\"COMMITTED\"}";
    settled("jointappeal_pledges{status=\"COMMITTED\"}", "COMMITTED"); // one refresh: both gauges
    double usdBefore = metric(series);
    String appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);

    Pledges.committed(appeal, "NOR", "1234.50", "USD", null);

    await()
        .atMost(REFRESH)
        .untilAsserted(
            () -> assertThat(metric(series)).isCloseTo(usdBefore + 1234.50, within(0.001)));
  }

  @Test
  void everyStatusIsExposedEvenWithoutPledges() {
    for (PledgeStatus status : PledgeStatus.values()) {
      assertThat(metric("jointappeal_pledges{status=\"" + status + "\"}")).isNotNegative();
    }
  }
}
