package org.jointappeal.pledge.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.net.URL;
import java.util.UUID;
import org.jointappeal.pledge.StackResource;
import org.junit.jupiter.api.Test;

/** HTTP latency has buckets, so Prometheus can compute a p99 over several instances. */
@QuarkusTest
@StackResource
class HttpMetricsTest {

  @TestHTTPResource(value = "metrics", management = true)
  URL metricsUrl;

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void requestLatencyIsExportedAsAHistogram() {
    given().when().get("/pledges/" + UUID.randomUUID()).then().statusCode(404);

    String metrics = given().when().get(metricsUrl).then().statusCode(200).extract().asString();
    assertThat(metrics.lines())
        .anyMatch(
            l ->
                l.startsWith("http_server_requests_seconds_bucket{")
                    && l.contains("le=\"0.1\"")
                    && l.contains("uri=\"/pledges/{pledgeId}\""));
  }
}
