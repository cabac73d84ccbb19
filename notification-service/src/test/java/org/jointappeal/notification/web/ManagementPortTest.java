package org.jointappeal.notification.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics answer on the management port only: the API port, the one exposed to callers,
 * serves neither (metrics carry USD totals per appeal, health names the database and Kafka).
 */
@QuarkusTest
@StackResource
class ManagementPortTest {

  @TestHTTPResource(value = "health/ready", management = true)
  URL readiness;

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Test
  void healthAndMetricsAnswerOnTheManagementPort() {
    given().when().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
    given().when().get(metrics).then().statusCode(200).body(containsString("jvm_"));
  }

  @Test
  void theApiPortServesNoHealth() {
    given().when().get("/q/health/ready").then().statusCode(404);
  }

  @Test
  void theApiPortServesNoMetrics() {
    given().when().get("/q/metrics").then().statusCode(404);
  }
}
