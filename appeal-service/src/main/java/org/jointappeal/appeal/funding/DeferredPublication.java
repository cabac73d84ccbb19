package org.jointappeal.appeal.funding;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes what large batches deferred once no batch has touched the appeal for a while: when the
 * last batch of a replay was itself large, no small batch follows to publish it.
 */
@ApplicationScoped
public class DeferredPublication {

  private final FundingService funding;
  private final Duration quiet;

  DeferredPublication(
      FundingService funding,
      @ConfigProperty(name = "appeal.funding.deferred-quiet-period") Duration quiet) {
    this.funding = funding;
    this.quiet = quiet;
  }

  @Scheduled(
      every = "{appeal.funding.deferred-sweep-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void sweep() {
    try {
      int published =
          QuarkusTransaction.requiringNew().call(() -> funding.publishDeferred(quiet, Set.of()));
      if (published > 0) {
        Log.infof("deferred funding changes published count=%d", published);
      }
    } catch (RuntimeException e) {
      Log.warnf("deferred funding changes not published, next sweep retries: %s", e.toString());
    }
  }
}
