package org.jointappeal.appeal.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.KafkaTestClient;
import org.jointappeal.appeal.StackResource;
import org.junit.jupiter.api.Test;

/** What waits in the dead-letter topics, and how far the consumers lag, is on /q/metrics. */
@QuarkusTest
@StackResource
class DeadLetterMetricsTest {

  @TestHTTPResource(value = "metrics", management = true)
  URL metricsUrl;

  private String metrics() {
    return given().when().get(metricsUrl).then().statusCode(200).extract().asString();
  }

  private double metric(String series) {
    return metrics()
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " not on /q/metrics"));
  }

  @Test
  void theDeadLetterTopicSizeCountsWhatWaitsThere() {
    String code = Appeals.uniqueCode();
    String poisonId = UUID.randomUUID().toString();
    KafkaTestClient.sendCloudEvent(
        "pledge-events",
        code,
        poisonId,
        "org.jointappeal.pledge.announced.v1",
        "{not json".getBytes(StandardCharsets.UTF_8));
    // everything in the topic up to and including this record
    int held =
        KafkaTestClient.readUntil(
                "pledge-events.dlq",
                r -> poisonId.equals(KafkaTestClient.header(r, "ce_id")),
                Duration.ofSeconds(30))
            .size();

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(metric("jointappeal_dlq_size{topic=\"pledge-events.dlq\"}"))
                    .isGreaterThanOrEqualTo(held));
  }

  @Test
  void theConsumersLagIsExported() {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> assertThat(metrics()).contains("kafka_consumer_fetch_manager_records_lag_max"));
  }
}
