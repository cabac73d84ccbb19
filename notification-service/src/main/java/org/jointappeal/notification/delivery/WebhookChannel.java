package org.jointappeal.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** POSTs the notification as JSON, signed; any 2xx is delivered, anything else is retried. */
@ApplicationScoped
class WebhookChannel {

  private final HttpClient http;
  private final DeliveryConfig config;

  WebhookChannel(DeliveryConfig config) {
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  DeliveryOutcome send(ClaimedDelivery delivery) {
    // wall-clock seconds, not the business clock: receivers compare it with their own clocks
    long now = System.currentTimeMillis() / 1000;
    var request =
        HttpRequest.newBuilder(URI.create(delivery.webhookUrl()))
            .timeout(config.requestTimeout())
            .header("Content-Type", "application/json")
            .header(
                WebhookSignature.HEADER,
                WebhookSignature.header(delivery.webhookSecret(), now, delivery.payload()))
            .header("X-JointAppeal-Delivery", delivery.id().toString())
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300
          ? DeliveryOutcome.delivered(status)
          : DeliveryOutcome.failed(status, "receiver answered " + status);
    } catch (IOException e) {
      return DeliveryOutcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryOutcome.failed(null, "interrupted");
    }
  }
}
