package org.jointappeal.notification.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends deliveries after commit: woken by each dispatch that wrote one, and by a sweep for retries
 * and for what a crash left. Claims rows under a lease (so of several instances exactly one sends
 * each), sends with no transaction open, then records the outcome.
 */
@ApplicationScoped
public class DeliverySender {

  private final Deliveries deliveries;
  private final EmailChannel email;
  private final WebhookChannel webhook;
  private final DeliveryConfig config;
  private final String holder = "notification-service-" + UUID.randomUUID();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "delivery-sender"));
  private final AtomicBoolean drainQueued = new AtomicBoolean();

  DeliverySender(
      Deliveries deliveries, EmailChannel email, WebhookChannel webhook, DeliveryConfig config) {
    this.deliveries = deliveries;
    this.email = email;
    this.webhook = webhook;
    this.config = config;
  }

  // Database work must not run in the completion callback itself (quarkus #33309): hand it off.
  void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryEnqueued enqueued) {
    requestDrain();
  }

  @Scheduled(
      every = "{notification.delivery.sweep-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void sweep() {
    requestDrain();
  }

  void stop(@Observes ShutdownEvent event) {
    sender.shutdown();
  }

  private void requestDrain() {
    if (drainQueued.compareAndSet(false, true) && !sender.isShutdown()) {
      sender.execute(
          () -> {
            drainQueued.set(false);
            drain();
          });
    }
  }

  /** Sends what is due until nothing is; returns the number of attempts made. */
  public int drain() {
    int attempts = 0;
    try {
      var batch = deliveries.claim(holder, config.batchSize(), config.leaseDuration());
      while (!batch.isEmpty()) {
        for (ClaimedDelivery delivery : batch) {
          attempt(delivery);
          attempts++;
        }
        batch = deliveries.claim(holder, config.batchSize(), config.leaseDuration());
      }
    } catch (RuntimeException e) {
      Log.warnf("delivery sender stopped, will retry: %s", e.toString());
    }
    return attempts;
  }

  private void attempt(ClaimedDelivery delivery) {
    if (!delivery.subscribed()) {
      deliveries.cancel(delivery.id(), holder);
      Log.infof("delivery cancelled, subscription gone deliveryId=%s", delivery.id());
      return;
    }
    DeliveryOutcome outcome =
        switch (delivery.channel()) {
          case EMAIL -> email.send(delivery, deliveries.parse(delivery.payload()));
          case WEBHOOK -> webhook.send(delivery);
        };
    int attempt = delivery.attempts() + 1;
    deliveries.record(delivery.id(), holder, outcome, config.maxAttempts(), backoffAfter(attempt));
    if (outcome.delivered()) {
      Log.infof(
          "notification delivered deliveryId=%s channel=%s attempt=%d",
          delivery.id(), delivery.channel(), attempt);
    } else {
      Log.warnf(
          "notification not delivered deliveryId=%s channel=%s attempt=%d status=%s: %s",
          delivery.id(), delivery.channel(), attempt, outcome.statusCode(), outcome.error());
    }
  }

  /** initialBackoff, doubled per further attempt, capped at maxBackoff. */
  Duration backoffAfter(int attempt) {
    Duration wait = config.initialBackoff();
    for (int i = 1; i < attempt && wait.compareTo(config.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
  }
}
