package org.jointappeal.benchmarks;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads appeals and pledges through the public APIs (parallel HTTP with Idempotency-Keys, finance
 * officer's token), so every pledge takes the real path: pledge-service, its outbox, Kafka,
 * appeal-service's projection. One pledge in four is also committed, so funding has work to do.
 */
final class DataLoader {

  private final Api api;
  private final int concurrency;
  private final String runId = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
  private final List<String> appeals = new CopyOnWriteArrayList<>();
  private final List<String> committedPledges = new CopyOnWriteArrayList<>();
  private final AtomicLong pledges = new AtomicLong();

  DataLoader(Api api, int concurrency) {
    this.api = api;
    this.concurrency = concurrency;
  }

  List<String> appeals() {
    return appeals;
  }

  List<String> committedPledges() {
    return committedPledges;
  }

  long pledges() {
    return pledges.get();
  }

  /** Counts pledges the scenarios create, so the data size reported stays true. */
  void countCreated(long count) {
    pledges.addAndGet(count);
  }

  /** A new launched appeal, known to pledge-service when this returns. */
  String newAppeal(String prefix) {
    return newAppeal(prefix, "10000000.00");
  }

  /** A new launched appeal of {@code usd} requirements. */
  String newAppeal(String prefix, String usd) {
    String code = "B" + runId + "-" + prefix;
    Api.expect(
        api.call("POST", api.appealUrl() + "/appeals", "manager", Api.appeal(code, usd)),
        201,
        "create appeal " + code);
    Api.expect(
        api.call("POST", api.appealUrl() + "/appeals/" + code + "/launch", "manager", null),
        200,
        "launch appeal " + code);
    return code;
  }

  /** Grows the data to {@code appealCount} appeals and {@code pledgeCount} pledges; pledges/s. */
  double loadTo(int appealCount, long pledgeCount) {
    while (appeals.size() < appealCount) {
      appeals.add(newAppeal("A" + appeals.size()));
    }
    long first = pledges.get();
    return load(pledgeCount - first, i -> appeals.get((int) ((first + i) % appeals.size())));
  }

  /**
   * Adds {@code count} pledges to one appeal of its own (not among {@link #appeals()}, so the scale
   * scenarios' random reads do not meet it); pledges/s.
   */
  double loadInto(String appeal, long count) {
    return load(count, i -> appeal);
  }

  private double load(long count, java.util.function.LongFunction<String> appealOf) {
    if (count <= 0) {
      return 0;
    }
    long first = pledges.get();
    long started = System.nanoTime();
    Semaphore permits = new Semaphore(concurrency);
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      long n = first + i;
      permits.acquireUninterruptibly();
      var one =
          announce(appealOf.apply(i), Api.DONORS[(int) (n % Api.DONORS.length)], "1000.00", 0)
              .thenCompose(id -> n % 4 == 0 ? commit(id) : CompletableFuture.completedFuture(id))
              .whenComplete((id, e) -> permits.release());
      pending.add(one);
      if (pending.size() >= 10_000) {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        pending.clear();
      }
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    pledges.addAndGet(count);
    return count / ((System.nanoTime() - started) / 1e9);
  }

  /** The pledge's id; retried while pledge-service has not yet heard of a fresh launch. */
  CompletableFuture<String> announce(String appeal, String donor, String usd, int attempt) {
    return api.create(api.pledgeUrl() + "/pledges", "finance", Api.pledge(appeal, donor, usd))
        .thenCompose(
            response -> {
              // 409 appeal-not-yet-known; builds before it answered 422 appeal-not-launched
              boolean notYetKnown =
                  response.statusCode() == 409 && response.body().contains("appeal-not-yet-known")
                      || response.statusCode() == 422
                          && response.body().contains("appeal-not-launched");
              if (notYetKnown && attempt < 120) {
                Benchmark.sleep(Duration.ofMillis(500));
                return announce(appeal, donor, usd, attempt + 1);
              }
              return CompletableFuture.completedFuture(
                  Api.read(Api.expect(response, 201, "announce a pledge")).get("id").asText());
            });
  }

  CompletableFuture<String> commit(String pledgeId) {
    return api.send(
            "POST",
            api.pledgeUrl() + "/pledges/" + pledgeId + "/commitment",
            "finance",
            Api.commitment("BENCH-" + pledgeId.substring(0, 8)),
            java.util.Map.of())
        .thenApply(
            (HttpResponse<String> response) -> {
              Api.expect(response, 200, "commit pledge " + pledgeId);
              committedPledges.add(pledgeId);
              return pledgeId;
            });
  }
}
