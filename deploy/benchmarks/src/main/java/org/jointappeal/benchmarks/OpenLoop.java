package org.jointappeal.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    return run(name, rate, duration, duration, request, success).total();
  }

  /**
   * The whole run as one step, and the same run cut into steps of {@code interval} each (by the
   * intended send time of their requests): a latency timeline, for the soak.
   */
  record Timeline(Step total, List<Step> intervals) {}

  static Timeline run(
      String name,
      double rate,
      Duration duration,
      Duration interval,
      Supplier<CompletableFuture<Integer>> request,
      IntPredicate success) {
    long count = Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
    long period = (long) (1_000_000_000L / rate);
    long intervalNanos = Math.max(period, interval.toNanos());
    int slices = (int) Math.max(1, (count * period + intervalNanos - 1) / intervalNanos);
    Histogram micros = new ConcurrentHistogram(3_600_000_000L, 3);
    Slice[] slice = new Slice[slices];
    for (int i = 0; i < slices; i++) {
      slice[i] = new Slice();
    }
    AtomicLong errors = new AtomicLong();
    AtomicLong lastDone = new AtomicLong();
    Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    CountDownLatch done = new CountDownLatch((int) count);
    long start = System.nanoTime() + 5_000_000;
    for (long i = 0; i < count; i++) {
      long intended = start + i * period;
      Slice own = slice[(int) Math.min(slices - 1, (i * period) / intervalNanos)];
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
            long latency = Math.max(0, (now - intended) / 1000);
            micros.recordValue(latency);
            own.micros.recordValue(latency);
            lastDone.accumulateAndGet(now, Math::max);
            if (failure != null || status == null || !success.test(status)) {
              errors.incrementAndGet();
              own.errors.incrementAndGet();
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
    List<Step> intervals = new ArrayList<>(slices);
    for (int i = 0; i < slices; i++) {
      // achieved per slice: its answered requests over its share of the schedule
      long scheduled = Math.min(intervalNanos, count * period - i * intervalNanos);
      long answered = slice[i].micros.getTotalCount() - slice[i].errors.get();
      intervals.add(
          Step.of(
              String.format(Locale.ROOT, "%s [%.1f min]", name, i * intervalNanos / 60e9),
              rate,
              answered / (scheduled / 1e9),
              slice[i].errors.get(),
              slice[i].micros));
    }
    return new Timeline(
        failures.isEmpty() ? step : step.withNote("failures: " + failures), intervals);
  }

  /** The requests whose intended send falls into one interval of a timeline. */
  private static final class Slice {
    final Histogram micros = new ConcurrentHistogram(3); // grows as needed: a soak has many
    final AtomicLong errors = new AtomicLong();
  }
}
