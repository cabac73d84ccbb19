package org.jointappeal.notification.stream;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.jointappeal.notification.DonorScope;

/**
 * Broadcasts committed alert transitions to this instance's stream listeners. Only what happens
 * while a listener is connected reaches it (a live feed; GET /alerts is the record).
 */
@ApplicationScoped
public class AlertFeed {

  private final AlertTransitions transitions;
  private final StreamConfig config;
  private final BroadcastProcessor<AlertStreamEvent> broadcast = BroadcastProcessor.create();
  private final NavigableSet<Long> streamed = new ConcurrentSkipListSet<>();
  private final AtomicInteger listeners = new AtomicInteger();

  AlertFeed(AlertTransitions transitions, StreamConfig config) {
    this.transitions = transitions;
    this.config = config;
  }

  /** What happened before this instance started is history, not news. */
  void start(@Observes StartupEvent event) {
    streamed.addAll(transitions.recentSequences(config.lookBack()));
  }

  @Scheduled(
      every = "{notification.stream.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void poll() {
    try {
      var recent = transitions.recentSequences(config.lookBack());
      if (!recent.isEmpty()) {
        // forget sequences older than the window: they cannot come back
        streamed.headSet(recent.get(0)).clear();
      }
      // only what this instance has not streamed yet is read in full (once per transition)
      List<Long> fresh = recent.stream().filter(seq -> !streamed.contains(seq)).toList();
      for (AlertStreamEvent event : transitions.events(fresh)) {
        if (streamed.add(event.sequence())) {
          broadcast.onNext(event);
        }
      }
    } catch (RuntimeException e) {
      Log.warnf("alert stream poll failed, will retry: %s", e.toString());
    }
  }

  /** The transitions this caller may see, from now on. */
  public Multi<AlertStreamEvent> follow(DonorScope scope) {
    return broadcast
        .filter(event -> scope.sees(event.labels()))
        .onSubscription()
        .invoke(() -> listeners.incrementAndGet())
        .onTermination()
        .invoke(() -> listeners.decrementAndGet());
  }

  /** Connected listeners on this instance. */
  public int listeners() {
    return listeners.get();
  }
}
