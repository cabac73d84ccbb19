package org.jointappeal.notification.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes outbox rows after commit: woken by each commit that appended one, and by a sweep for
 * what a crash or a broker outage left. Sends with no transaction open, waits for the broker's
 * acknowledgement, then marks the rows sent; unacknowledged rows are simply tried again.
 */
@ApplicationScoped
public class OutboxRelay {

  static final URI SOURCE = URI.create("urn:jointappeal:notification-service");

  private final Outbox outbox;
  private final OutboxConfig config;
  private final OutboxMetrics metrics;
  private final TraceContext traces;
  private final OutgoingChannels channels;
  private final String holder = "notification-service-" + UUID.randomUUID();
  // one drainer per instance; the lease makes it one per service
  private final ExecutorService drainer =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
  private final AtomicBoolean drainQueued = new AtomicBoolean();

  OutboxRelay(
      Outbox outbox,
      OutboxConfig config,
      OutboxMetrics metrics,
      TraceContext traces,
      OutgoingChannels channels) {
    this.outbox = outbox;
    this.config = config;
    this.metrics = metrics;
    this.traces = traces;
    this.channels = channels;
  }

  // Database work must not run in the completion callback itself (quarkus #33309): hand it off.
  void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
    requestDrain();
  }

  @Scheduled(
      every = "{notification.outbox.sweep-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      // not while starting or stopping: the Kafka channels may not be wired yet, or any more
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void sweep() {
    requestDrain();
  }

  void stop(@Observes ShutdownEvent event) {
    drainer.shutdown();
  }

  private void requestDrain() {
    if (drainQueued.compareAndSet(false, true) && !drainer.isShutdown()) {
      drainer.execute(
          () -> {
            drainQueued.set(false);
            drain();
          });
    }
  }

  /** Publishes until nothing is left or the broker stops acknowledging; returns rows sent. */
  int drain() {
    int sent = 0;
    try {
      while (true) {
        // empty: nothing left, or another instance holds the lease
        List<OutboxEvent> batch =
            outbox.leaseAndNextBatch(holder, config.leaseDuration(), config.batchSize());
        if (batch.isEmpty()) {
          break;
        }
        List<UUID> acknowledged = publish(batch);
        outbox.markSent(acknowledged);
        sent += acknowledged.size();
        if (acknowledged.size() < batch.size()) {
          break; // the broker is unwell: the sweep tries again
        }
      }
    } catch (RuntimeException e) {
      Log.warnf("outbox relay stopped, will retry: %s", e.toString());
    } finally {
      releaseQuietly();
    }
    return sent;
  }

  /** Sends the batch in order and returns the ids acknowledged, up to the first failure. */
  private List<UUID> publish(List<OutboxEvent> batch) {
    // an emitter sends on subscription: subscribe all in order, then wait (a pipelined batch)
    List<CompletableFuture<Void>> pending = new ArrayList<>(batch.size());
    for (OutboxEvent row : batch) {
      pending.add(
          channels.of(row.topic()).sendMessage(toMessage(row)).subscribeAsCompletionStage());
    }
    List<UUID> acknowledged = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      try {
        pending.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        acknowledged.add(batch.get(i).id());
        metrics.published(batch.get(i), Instant.now());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        Log.warnf(
            "outbox row not acknowledged eventId=%s topic=%s, will retry: %s",
            batch.get(i).id(), batch.get(i).topic(), e.toString());
        break;
      }
    }
    return acknowledged;
  }

  private Message<String> toMessage(OutboxEvent row) {
    return Message.of(row.payload())
        // the connector's publish span is a child of this, not of whatever is current here
        .addMetadata(TracingMetadata.withCurrent(traces.restore(row)))
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.recordKey()).build())
        .addMetadata(
            OutgoingCloudEventMetadata.builder()
                .withId(row.id().toString())
                .withType(row.type())
                .withSource(SOURCE)
                .withSubject(row.subject())
                .withDataContentType("application/json")
                .withTimestamp(row.recordedAt().atZone(ZoneOffset.UTC))
                .build());
  }

  private void releaseQuietly() {
    try {
      outbox.releaseLease(holder);
    } catch (RuntimeException e) {
      Log.warnf("outbox lease not released, it expires by itself: %s", e.toString());
    }
  }
}
