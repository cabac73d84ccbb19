package org.jointappeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jointappeal.e2e.TraceReceiver.ReceivedSpan;
import org.junit.jupiter.api.Test;

/**
 * One pledge is one trace across the three services: the HTTP request that announces it, the outbox
 * row it writes, the Kafka record the relay publishes, appeal-service's funding change (through its
 * own outbox), and notification-service's consumers and alert. The trace is written to {@code
 * target/traces/<traceId>.json} for a human to read.
 */
class TracingIT {

  private static final Duration PROPAGATION = Duration.ofSeconds(60);
  private static final Path TRACES = Path.of("target", "traces");

  @Test
  void aLargePledgeIsOneTraceFromTheHttpRequestToItsAlert() {
    String appeal = Fixtures.appealOpenForPledges();
    // the caller's own span, as a gateway's would be: the request continues its trace
    String traceId = hex(16);
    String callerSpanId = hex(8);

    // USD 10 000 000.00 reaches the default large-pledge rule's threshold (docs/alerts.md)
    Api.as("finance", "pledge-service")
        .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Api.pledge(appeal, "NOR", "10000000.00", "USD"))
        .post("/pledges")
        .then()
        .statusCode(201);

    var receiver = RunningPlatform.traces();
    try {
      await()
          .atMost(PROPAGATION)
          .untilAsserted(
              () -> {
                var spans = receiver.trace(traceId);
                assertThat(spans)
                    .as("spans of trace %s", traceId)
                    .anySatisfy(isSpan("pledge-service", "SERVER", "POST /pledges"))
                    .anySatisfy(isSpan("pledge-service", "PRODUCER", "pledge-events publish"))
                    .anySatisfy(
                        isSpan(
                            "appeal-service", "CONSUMER", "appeal-service.pledge-events process"))
                    .anySatisfy(isSpan("appeal-service", "PRODUCER", "funding-events publish"))
                    .anySatisfy(
                        isSpan(
                            "notification-service",
                            "CONSUMER",
                            "notification-service.funding-events process"))
                    .anySatisfy(
                        isSpan(
                            "notification-service",
                            "CONSUMER",
                            "notification-service.pledge-events process"))
                    .anySatisfy(
                        isSpan("notification-service", "INTERNAL", "alert FIRING large-pledge"))
                    .anySatisfy(isSpan("notification-service", "PRODUCER", "alert-events publish"));
              });
    } finally {
      receiver.write(traceId, TRACES);
    }

    List<ReceivedSpan> spans = receiver.trace(traceId);
    assertThat(spans)
        .filteredOn(s -> s.name().equals("alert FIRING large-pledge"))
        .allSatisfy(
            s -> assertThat(s.attributes()).containsEntry("jointappeal.appeal.code", appeal));
    // every span hangs off another span of the trace, but the request's, which hangs off the caller
    Set<String> ids = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
    assertThat(spans)
        .filteredOn(s -> !ids.contains(s.parentSpanId()))
        .singleElement()
        .satisfies(
            root -> {
              assertThat(root.name()).isEqualTo("POST /pledges");
              assertThat(root.parentSpanId()).isEqualTo(callerSpanId);
            });
  }

  private static java.util.function.Consumer<ReceivedSpan> isSpan(
      String service, String kind, String name) {
    return span -> {
      assertThat(span.service()).isEqualTo(service);
      assertThat(span.kind()).isEqualTo(kind);
      assertThat(span.name()).isEqualTo(name);
    };
  }

  private static String hex(int bytes) {
    byte[] id = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(id);
    id[0] |= 1; // never all zeros: that is an invalid id
    return HexFormat.of().formatHex(id);
  }
}
