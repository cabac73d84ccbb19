package org.jointappeal.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import org.jointappeal.notification.subscription.Channel;
import org.jointappeal.notification.subscription.WebhookTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One webhook attempt goes where the outbound policy looked, and nowhere else: to the address the
 * host resolved to when it was checked (a second resolution could answer with an address inside:
 * DNS rebinding), and not on to where a 3xx points.
 */
class WebhookChannelTest {

  private Vertx vertx;
  private WebhookChannel channel;
  private WebhookReceiver receiver;
  private WebhookReceiver redirecting;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    // the policy itself is WebhookTargetPolicyTest's; here the target is handed over as checked
    channel = new WebhookChannel(vertx, null, deadline(Duration.ofSeconds(5)));
  }

  @AfterEach
  void tearDown() {
    if (receiver != null) {
      receiver.close();
    }
    if (redirecting != null) {
      redirecting.close();
    }
    channel.stop(null);
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void theConnectionGoesToTheAddressCheckedWhileHostAndTlsKeepTheName() throws Exception {
    receiver = WebhookReceiver.failingFirst(0);
    // .invalid never resolves (RFC 6761): reaching the receiver proves nothing resolved it again
    var target =
        new WebhookTarget(
            false, "hooks.rebinding.invalid", receiver.port(), "/hook", loopback("127.0.0.2"));

    DeliveryOutcome outcome = channel.send(aDelivery(), target);

    assertThat(outcome.delivered()).as(outcome.toString()).isTrue();
    assertThat(receiver.calls())
        .singleElement()
        .extracting(WebhookReceiver.Call::hostHeader)
        .isEqualTo("hooks.rebinding.invalid:" + receiver.port());
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    receiver = WebhookReceiver.failingFirst(0);
    redirecting = WebhookReceiver.redirectingTo(receiver.url());
    var target =
        new WebhookTarget(false, "127.0.0.2", redirecting.port(), "/hook", loopback("127.0.0.2"));

    DeliveryOutcome outcome = channel.send(aDelivery(), target);

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.statusCode()).isEqualTo(303);
    assertThat(redirecting.calls()).hasSize(1);
    assertThat(receiver.calls()).as("the redirect's target").isEmpty();
  }

  private static ClaimedDelivery aDelivery() {
    return new ClaimedDelivery(
        UUID.randomUUID(),
        Channel.WEBHOOK,
        "{\"status\":\"firing\"}",
        0,
        true,
        null,
        "http://hooks.rebinding.invalid/hook",
        "channel-secret-0123456789");
  }

  private static InetAddress loopback(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal); // a literal: no lookup
  }

  /** The channel reads only the request deadline of the delivery configuration. */
  private static DeliveryConfig deadline(Duration requestTimeout) {
    return (DeliveryConfig)
        Proxy.newProxyInstance(
            DeliveryConfig.class.getClassLoader(),
            new Class<?>[] {DeliveryConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("requestTimeout")) {
                return requestTimeout;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
