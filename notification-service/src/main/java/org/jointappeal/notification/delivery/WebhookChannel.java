package org.jointappeal.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jointappeal.notification.subscription.WebhookTarget;
import org.jointappeal.notification.subscription.WebhookTargets;

/**
 * POSTs the notification as JSON, signed; any 2xx with its whole body read within the deadline is
 * delivered, anything else is retried. The URL is checked against the outbound policy before each
 * attempt, and the connection goes to the very address checked (Host header, SNI and certificate
 * check keep the URL's host name): a name that resolves elsewhere a moment later (DNS rebinding)
 * changes nothing. Redirects are not followed.
 */
@ApplicationScoped
class WebhookChannel {

  private final HttpClient http;
  private final WebhookTargets targets;
  private final DeliveryConfig config;

  WebhookChannel(Vertx vertx, WebhookTargets targets, DeliveryConfig config) {
    this.targets = targets;
    this.config = config;
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) config.requestTimeout().toMillis())
                .setKeepAlive(false) // one connection per attempt: nothing of a receiver lingers
                .setVerifyHost(true)
                .setMaxRedirects(0));
  }

  void stop(@Observes ShutdownEvent event) {
    http.close();
  }

  DeliveryOutcome send(ClaimedDelivery delivery) {
    WebhookTarget target;
    try {
      target = targets.check(delivery.webhookUrl());
    } catch (WebhookTargets.Refused e) {
      return DeliveryOutcome.refused("target refused: " + e.getMessage());
    }
    return send(delivery, target);
  }

  /** One attempt to the target as checked: its address, never the host name resolved again. */
  DeliveryOutcome send(ClaimedDelivery delivery, WebhookTarget target) {
    // wall-clock seconds, not the business clock: receivers compare it with their own clocks
    long now = System.currentTimeMillis() / 1000;
    long deadline = config.requestTimeout().toMillis();
    var options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setServer(
                SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
            .setHost(target.host())
            .setPort(target.port())
            .setSsl(target.https())
            .setURI(target.pathAndQuery())
            .setFollowRedirects(false)
            .setConnectTimeout(deadline)
            .putHeader("Content-Type", "application/json")
            .putHeader(
                WebhookSignature.HEADER,
                WebhookSignature.header(delivery.webhookSecret(), now, delivery.payload()))
            .putHeader("X-JointAppeal-Delivery", delivery.id().toString());
    var request = new AtomicReference<HttpClientRequest>();
    Future<Integer> answered =
        http.request(options)
            .compose(
                r -> {
                  request.set(r);
                  return r.send(Buffer.buffer(delivery.payload()));
                })
            .compose(
                response -> {
                  response.handler(ignored -> {}); // the body is read to its end, and dropped
                  return response.end().map(done -> response.statusCode());
                });
    try {
      int status =
          answered.toCompletionStage().toCompletableFuture().get(deadline, TimeUnit.MILLISECONDS);
      return status >= 200 && status < 300
          ? DeliveryOutcome.delivered(status)
          : DeliveryOutcome.failed(status, "receiver answered " + status);
    } catch (TimeoutException e) {
      abort(request.get());
      return DeliveryOutcome.failed(
          null,
          "no complete answer within " + config.requestTimeout() + " (connect, headers, body)");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return DeliveryOutcome.failed(
          null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } catch (InterruptedException e) {
      abort(request.get());
      Thread.currentThread().interrupt();
      return DeliveryOutcome.failed(null, "interrupted");
    }
  }

  /** Closes the connection of an attempt past its deadline: the receiver holds nothing of ours. */
  private static void abort(HttpClientRequest request) {
    if (request != null) {
      request.reset();
    }
  }
}
