package org.jointappeal.notification.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends deliveries after commit: woken by each dispatch that wrote one, and by a sweep for retries
 * and for what a crash left. Claims rows under a lease (so of several instances exactly one sends
 * each), and hands each to the lane of its target (a webhook's host and port; mail goes to the one
 * SMTP server): a lane sends one delivery at a time with a bounded backlog, on a shared pool, so a
 * slow target delays only its own deliveries. Right before sending, the lease is re-checked and
 * renewed ({@link Deliveries#renew}): a delivery that waited in a lane past its lease and was taken
 * by another instance is not sent a second time. Each attempt is bounded by the request deadline,
 * shorter than the lease, and its outcome is recorded by the lease holder only.
 */
@ApplicationScoped
public class DeliverySender {

  private static final String MAIL_LANE = "smtp";

  private final Deliveries deliveries;
  private final EmailChannel email;
  private final WebhookChannel webhook;
  private final DeliveryConfig config;
  private final String holder = "notification-service-" + UUID.randomUUID();
  private final ExecutorService claimer =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "delivery-claimer"));
  private final ExecutorService senders;
  private final AtomicBoolean drainQueued = new AtomicBoolean();
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private final Set<UUID> held = ConcurrentHashMap.newKeySet();

  DeliverySender(
      Deliveries deliveries, EmailChannel email, WebhookChannel webhook, DeliveryConfig config) {
    if (config.requestTimeout().multipliedBy(2).compareTo(config.leaseDuration()) > 0) {
      throw new IllegalStateException(
          "notification.delivery.request-timeout must be at most half of lease-duration");
    }
    this.deliveries = deliveries;
    this.email = email;
    this.webhook = webhook;
    this.config = config;
    var threads = new AtomicInteger();
    this.senders =
        Executors.newFixedThreadPool(
            config.senderThreads(),
            r -> new Thread(r, "delivery-sender-" + threads.incrementAndGet()));
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
    claimer.shutdown();
    senders.shutdownNow();
  }

  private void requestDrain() {
    if (drainQueued.compareAndSet(false, true) && !claimer.isShutdown()) {
      try {
        claimer.execute(
            () -> {
              drainQueued.set(false);
              drain();
            });
      } catch (RejectedExecutionException e) {
        drainQueued.set(false); // shutting down
      }
    }
  }

  /**
   * Claims what is due and hands it to the lanes, until nothing is due or every place is taken;
   * returns the number of deliveries handed over. Sending happens on the lanes.
   */
  public int drain() {
    int queued = 0;
    try {
      int room = room();
      var batch = room > 0 ? deliveries.claim(holder, room, config.leaseDuration()) : null;
      while (batch != null && !batch.isEmpty()) {
        for (ClaimedDelivery delivery : batch) {
          if (!held.add(delivery.id())) {
            continue; // already waiting in a lane here (its lease ran out and was taken again)
          }
          if (laneOf(delivery).offer(delivery)) {
            queued++;
          } else {
            held.remove(delivery.id());
            deliveries.postpone(delivery.id(), holder, config.sweepInterval());
          }
        }
        room = room();
        batch = room > 0 ? deliveries.claim(holder, room, config.leaseDuration()) : null;
      }
    } catch (RuntimeException e) {
      Log.warnf("delivery sender stopped, will retry: %s", e.toString());
    }
    return queued;
  }

  /** Claims at most a batch, and never more than the lanes could hold. */
  private int room() {
    int limit = config.senderThreads() * config.perTargetBacklog();
    return Math.min(config.batchSize(), limit - held.size());
  }

  private Lane laneOf(ClaimedDelivery delivery) {
    String key =
        delivery.channel() == null || delivery.webhookUrl() == null
            ? MAIL_LANE
            : target(delivery.webhookUrl());
    return lanes.computeIfAbsent(key, Lane::new);
  }

  /** host:port of a webhook URL, as the lane's key; the unreadable share one lane. */
  private static String target(String url) {
    try {
      URI uri = URI.create(url);
      return String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    } catch (IllegalArgumentException e) {
      return "unreadable";
    }
  }

  /**
   * One target's deliveries, sent one after another; a lane occupies a pool thread only while it
   * sends, and goes back to the end of the pool's queue after each delivery, so busy lanes take
   * turns.
   */
  private final class Lane {
    private final String target;
    private final ArrayDeque<ClaimedDelivery> waiting = new ArrayDeque<>();
    private boolean running;

    Lane(String target) {
      this.target = target;
    }

    synchronized boolean offer(ClaimedDelivery delivery) {
      if (waiting.size() >= config.perTargetBacklog()) {
        return false;
      }
      waiting.add(delivery);
      if (!running) {
        running = true;
        schedule();
      }
      return true;
    }

    private void schedule() {
      try {
        senders.execute(this::sendNext);
      } catch (RejectedExecutionException e) {
        running = false; // shutting down: the leases run out, another instance sends
      }
    }

    private void sendNext() {
      ClaimedDelivery next;
      synchronized (this) {
        next = waiting.poll();
        if (next == null) {
          running = false;
          return;
        }
      }
      try {
        attempt(next);
      } catch (RuntimeException e) {
        Log.warnf("delivery attempt failed deliveryId=%s target=%s: %s", next.id(), target, e);
      } finally {
        held.remove(next.id());
      }
      synchronized (this) {
        if (waiting.isEmpty()) {
          running = false;
        } else {
          schedule();
        }
      }
    }
  }

  private void attempt(ClaimedDelivery delivery) {
    if (!delivery.subscribed()) {
      deliveries.cancel(delivery.id(), holder);
      Log.infof("delivery cancelled, subscription gone deliveryId=%s", delivery.id());
      return;
    }
    if (!deliveries.renew(delivery.id(), holder, config.leaseDuration())) {
      Log.infof("delivery skipped, its lease was taken over deliveryId=%s", delivery.id());
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
