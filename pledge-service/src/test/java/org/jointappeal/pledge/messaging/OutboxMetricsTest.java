package org.jointappeal.pledge.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.jointappeal.pledge.Appeals;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.StackResource;
import org.jointappeal.pledge.money.MoneyRequest;
import org.jointappeal.pledge.pledge.AnnouncePledgeRequest;
import org.jointappeal.pledge.pledge.PledgeService;
import org.junit.jupiter.api.Test;

/** Operators see the outbox and the dead letters without reading the database. */
@QuarkusTest
@StackResource
class OutboxMetricsTest {

  @TestHTTPResource(value = "metrics", management = true)
  URL metricsUrl;

  @TestHTTPResource(value = "health/ready", management = true)
  URL readinessUrl;

  private double metric(String name) {
    String metrics = given().when().get(metricsUrl).then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void everyPublishedEventIsTimedFromInsertToAcknowledgement() {
    double before = metric("jointappeal_outbox_publish_delay_seconds_count");
    String appeal = Appeals.uniqueCode();
    Appeals.launch(appeal);
    Arc.container()
        .instance(PledgeService.class)
        .get()
        .announce(
            new AnnouncePledgeRequest(
                appeal,
                "NOR",
                new MoneyRequest(new BigDecimal("10.00"), "USD"),
                LocalDate.parse("1997-07-02"),
                null),
            DonorScope.everyone(),
            "test",
            Optional.empty());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> metric("jointappeal_outbox_publish_delay_seconds_count") >= before + 1);
    assertThat(metric("jointappeal_outbox_publish_delay_seconds_max")).isPositive();
  }

  @Test
  void theBacklogGaugesAreExposed() {
    String metrics = given().when().get(metricsUrl).then().extract().asString();
    assertThat(metrics)
        .contains("jointappeal_outbox_backlog ")
        .contains("jointappeal_outbox_oldest_age ");
  }

  @Test
  void readinessReportsTheDeadLetterCount() {
    given()
        .when()
        .get(readinessUrl)
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("dead-letters"));
  }
}
