package org.jointappeal.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Calls to the services that a page makes at the same time instead of one after another: a page of
 * many independent reads (an appeal's funding by five dimensions and month by month) costs about
 * its slowest call, not their sum. The managed executor carries the request context over, so each
 * call still goes with the logged-in user's own token (AccessTokenPropagation).
 */
@ApplicationScoped
public class ServiceCalls {

  @Inject ManagedExecutor executor;

  /** Starts a call now; {@link #join} waits for its answer. */
  public <T> CompletableFuture<T> start(Supplier<T> call) {
    return executor.supplyAsync(call);
  }

  /** The answer of a started call, or the problem (a ServiceProblem stays one) it ended with. */
  public static <T> T join(CompletableFuture<T> call) {
    try {
      return call.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
