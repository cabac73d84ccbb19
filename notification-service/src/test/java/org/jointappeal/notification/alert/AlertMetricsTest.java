package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jointappeal.notification.Alerts;
import org.jointappeal.notification.FundingEvents;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.Test;

/** Operators see how many alerts each rule has firing on /q/metrics. */
@QuarkusTest
@StackResource
class AlertMetricsTest {

  @TestHTTPResource(value = "metrics", management = true)
  URL metricsUrl;

  private static final Duration REFRESH = Duration.ofSeconds(15);

  private Double firing(String rule, String kind) {
    String series = "jointappeal_alerts_firing{kind=\"" + kind + "\",rule=\"" + rule + "\"} ";
    return given()
        .when()
        .get(metricsUrl)
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .lines()
        .filter(l -> l.startsWith(series))
        .map(l -> Double.parseDouble(l.substring(series.length())))
        .findFirst()
        .orElse(null);
  }

  @Test
  void firingAlertsAreCountedPerRuleAndResolvedOnesAreNot() {
    String rule = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
    Alerts.anAlert(FundingEvents.uniqueAppealCode()).label("rule", rule).fire();
    Alerts.anAlert(FundingEvents.uniqueAppealCode()).label("rule", rule).fire();
    UUID resolved = Alerts.anAlert(FundingEvents.uniqueAppealCode()).label("rule", rule).fire();
    Alerts.resolve(resolved, TestClock.DEFAULT_NOW.plusSeconds(60));

    await()
        .atMost(REFRESH)
        .untilAsserted(() -> assertThat(firing(rule, "funding-gap")).isEqualTo(2));
  }

  @Test
  void everyRuleHasASeriesFiringOrNot() {
    // the migrations' default rule: a series even before anything fires, so panels never go blank
    await()
        .atMost(REFRESH)
        .untilAsserted(
            () -> assertThat(firing("funding-gap", "funding-gap")).isGreaterThanOrEqualTo(0.0));
  }
}
