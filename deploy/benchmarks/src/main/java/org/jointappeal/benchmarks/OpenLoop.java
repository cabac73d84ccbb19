package org.jointappeal.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load: request i is due at {@code start + i / rate}, whether or not earlier ones have
 * answered, and its latency counts from that intended time. A server that stalls therefore shows
 * its stall in every request that should have been sent meanwhile (no coordinated omission).
 */
final class OpenLoop {

  /** More requests than this in flight means the client, not the server, would be measured. */
  private static final int MAX_IN_FLIGHT = 1024;

  private OpenLoop() {}

  static Step run(
      String name,
      double rate,
      Duration duration,
      Supplier<CompletableFuture<Integer>> request,
      IntPredicate success) {
    long count = Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
    long period = (long) (1_000_000_000L / rate);
    Histogram micros = new ConcurrentHistogram(3_600_000_000L, 3);
    AtomicLong errors = new AtomicLong();
    AtomicLong lastDone = new AtomicLong();
    Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    CountDownLatch done = new CountDownLatch((int) count);
    long start = System.nanoTime() + 5_000_000;
    for (long i = 0; i < count; i++) {
      long intended = start + i * period;
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      inFlight.acquireUninterruptibly();
      CompletableFuture<Integer> answer;
      try {
        answer = request.get();
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      answer.whenComplete(
          (status, failure) -> {
            long now = System.nanoTime();
            micros.recordValue(Math.max(0, (now - intended) / 1000));
            lastDone.accumulateAndGet(now, Math::max);
            if (failure != null || status == null || !success.test(status)) {
              errors.incrementAndGet();
              String what = failure != null ? failure.getClass().getSimpleName() : "HTTP " + status;
              failures.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
            }
            inFlight.release();
            done.countDown();
          });
    }
    try {
      if (!done.await(120, TimeUnit.SECONDS)) {
        errors.addAndGet(done.getCount());
        failures.computeIfAbsent("no answer in 120 s", k -> new AtomicLong()).set(done.getCount());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // never shorter than the schedule: answers all in before the last send is due are no faster
    double seconds = Math.max(lastDone.get() - start, count * period) / 1e9;
    double achieved = (micros.getTotalCount() - errors.get()) / seconds;
    Step step = Step.of(name, rate, achieved, errors.get(), micros);
    return failures.isEmpty() ? step : step.withNote("failures: " + failures);
  }
}
