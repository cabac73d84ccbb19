package org.jointappeal.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jointappeal.localstack.Platform;
import org.junit.jupiter.api.Test;

/**
 * Every part fails once while clients keep working: under a steady load of pledges, commitments,
 * receipts and allocations (client threads that retry with the same Idempotency-Key, as a real
 * client would), each service is killed with SIGKILL and restarted, the broker is restarted and
 * PostgreSQL is restarted. Afterwards (and after re-publishing what consumers dead-lettered while
 * the database was down, as docs/events.md tells operators to) the three services agree to the
 * cent, every event was applied exactly once, and the gap alert was raised once.
 *
 * <p>DeliveryUnderFaultsIT covers the broker down for a long time and a kill between commit and
 * publish without load; this test covers every part failing under load, with client retries.
 */
class ChaosIT {

  private static final int CLIENTS = 3;
  private static final Duration PAUSE_BETWEEN_STORIES = Duration.ofMillis(250);
  private static final Duration RECOVERY = Duration.ofMinutes(2);
  // a JVM start took over 3 min at a load average of 40 on two cores
  private static final Duration RESTART = Duration.ofMinutes(5);
  private static final List<String> DONORS = List.of("NOR", "SWE", "CHE", "USA", "JPN");

  // a client gives up waiting for an answer after this, and retries
  private static final RestAssuredConfig IMPATIENT =
      RestAssuredConfig.config()
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.connection.timeout", 2_000)
                  .setParam("http.socket.timeout", 10_000));

  @Test
  void killsAndRestartsUnderLoadLoseNothingAndCountNothingTwice() throws Exception {
    Platform platform = RunningPlatform.get();
    Fixtures.usdNokRate();
    String appeal = Fixtures.appealOpenForPledges(); // with its probe pledge of USD 0.01
    Fixtures.firingAlert(appeal); // 0 % < 50 %: the gap alert fires, and must stay one alert
    Load load = new Load(appeal);
    load.start();

    load.awaitProgress(10);
    // the consumers restart in the background, overlapping the next faults (and keeping the run
    // short on two cores); the clients' own service restarts in the foreground
    var appealService = killAndRestartInTheBackground(platform, "appeal-service");
    load.awaitProgress(10);
    var notificationService = killAndRestartInTheBackground(platform, "notification-service");
    load.awaitProgress(10);
    platform.service("pledge-service").kill();
    platform.service("pledge-service").restart(RESTART);
    load.awaitProgress(10);
    platform.kafka().restart();
    load.awaitProgress(10);
    appealService.get(RESTART.toSeconds(), TimeUnit.SECONDS);
    notificationService.get(RESTART.toSeconds(), TimeUnit.SECONDS);
    platform.postgres().restart(Duration.ofSeconds(5));
    load.awaitProgress(10);
    load.stop();

    System.out.println(load.report());
    assertThat(load.refused).as("answers that were no success and no reason to retry").isEmpty();
    assertThat(load.retried.get()).as("retries: the faults did reach the clients").isPositive();
    assertThat(load.launched).as("appeals launched through the faults").isNotEmpty();

    // A consumer that cannot reach its database dead-letters what it reads (docs/events.md): an
    // operator re-publishes those records, and so does this test, before each look.
    AtomicInteger deadLetters = new AtomicInteger();
    await()
        .atMost(RECOVERY)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              for (String topic : Platform.TOPICS) {
                deadLetters.addAndGet(
                    DeadLetters.drain(platform.kafka().bootstrapServers(), topic));
              }
              eachLaunchTookEffectOnce(load);
              everythingAgrees(appeal, load);
            });
    System.out.println(
        totals(appeal) + "; " + deadLetters.get() + " dead letters re-published after the faults");
  }

  private static CompletableFuture<Void> killAndRestartInTheBackground(
      Platform platform, String service) {
    platform.service(service).kill();
    return CompletableFuture.runAsync(
        () -> {
          try {
            platform.service(service).restart(RESTART);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * Every appeal the manager was told is launched is LAUNCHED, with one launch event written and
   * applied once by pledge-service; no appeal of the run was drafted twice.
   */
  private static void eachLaunchTookEffectOnce(Load load) {
    for (String code : load.launched) {
      assertThat(
              Databases.count("appeal-service", "select count(*) from appeal where code = ?", code))
          .as("appeal %s recorded", code)
          .isEqualTo(1);
      assertThat(
              Databases.count(
                  "appeal-service",
                  "select count(*) from outbox_event where record_key = ? and type like '%launched%'",
                  code))
          .as("launch events of %s", code)
          .isEqualTo(1);
      assertThat(
              Databases.count(
                  "pledge-service",
                  "select count(*) from known_appeal where code = ? and status = 'LAUNCHED'",
                  code))
          .as("pledge-service knows %s launched", code)
          .isEqualTo(1);
    }
  }

  private static void everythingAgrees(String appeal, Load load) {
    // pledge-service has every pledge the clients were told about, in the state they brought it to
    List<Map<String, Object>> pledges =
        Api.as("finance", "pledge-service")
            .queryParam("appealCode", appeal)
            .queryParam("limit", 1000) // one page holds them all
            .get("/pledges")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("");
    Map<String, String> statusById =
        pledges.stream()
            .collect(Collectors.toMap(p -> (String) p.get("id"), p -> (String) p.get("status")));
    assertThat(statusById).hasSize(load.expectedStatus.size() + 1); // + the probe
    load.expectedStatus.forEach((id, status) -> assertThat(statusById).containsEntry(id, status));

    // appeal-service's copy has each pledge once, and its figures are pledge-service's sums
    assertThat(
            Databases.count(
                "appeal-service", "select count(*) from pledge_copy where appeal_code = ?", appeal))
        .isEqualTo(pledges.size());
    JsonPath funding =
        Api.as("auditor", "appeal-service")
            .get("/appeals/" + appeal + "/funding")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(amount(funding, "pledged"))
        .isEqualByComparingTo(sum(pledges, "usdValue", "ANNOUNCED"));
    assertThat(amount(funding, "committed"))
        .isEqualByComparingTo(
            sum(pledges, "outstandingUsd", "COMMITTED", "PARTIALLY_PAID", "PAID"));
    assertThat(amount(funding, "paid")).isEqualByComparingTo(sum(pledges, "paidUsd", null));
    assertThat(amount(funding, "paid")).isEqualByComparingTo(load.allocatedUsd());

    // every pledge event was applied by appeal-service exactly once (the inbox has each id once,
    // by its key), and every funding event by notification-service
    assertEventsApplied("pledge-service", "pledge-events", appeal, "appeal-service");
    assertEventsApplied("appeal-service", "funding-events", appeal, "notification-service");

    // notification-service sees the coverage appeal-service reports, and raised one alert
    assertThat(
            Databases.rows(
                "notification-service",
                "select coverage_percent::text as coverage from appeal_coverage where appeal_code = ?",
                appeal))
        .singleElement()
        .satisfies(
            row ->
                assertThat(new BigDecimal(row.get("coverage")))
                    .isEqualByComparingTo(funding.getString("coveragePercent")));
    assertThat(
            Databases.rows(
                "notification-service",
                // the 1997 instalments are long past due: overdue alerts fire beside it
                "select fingerprint, status from alert where appeal_code = ? and rule = 'funding-gap'",
                appeal))
        .as("coverage stayed below 50 %%: one gap alert, firing since the launch")
        .singleElement()
        .satisfies(row -> assertThat(row.get("status")).isEqualTo("FIRING"));
    assertThat(
            Databases.count(
                "notification-service",
                "select count(*) from (select fingerprint from alert where status = 'FIRING'"
                    + " group by fingerprint having count(*) > 1) duplicates"))
        .isZero();
  }

  /** Every event the producer wrote for the appeal is in the consumer's inbox. */
  private static void assertEventsApplied(
      String producer, String topic, String appeal, String consumer) {
    List<String> ids =
        Databases.rows(
                producer,
                "select id::text as id from outbox_event where topic = ? and record_key = ?",
                topic,
                appeal)
            .stream()
            .map(row -> row.get("id"))
            .toList();
    List<String> placeholders = ids.stream().map(id -> "?").toList();
    long applied =
        ids.isEmpty()
            ? 0
            : Databases.count(
                consumer,
                "select count(*) from inbox_message where event_id in ("
                    + String.join(",", placeholders)
                    + ")",
                ids.toArray());
    assertThat(ids).isNotEmpty();
    assertThat(applied)
        .as("%s events of %s applied by %s", topic, appeal, consumer)
        .isEqualTo(ids.size());
  }

  private static BigDecimal amount(JsonPath funding, String figure) {
    return new BigDecimal(funding.getString(figure + ".amount"));
  }

  /** The sum of a USD money field over pledges in the given statuses (all, if none given). */
  private static BigDecimal sum(
      List<Map<String, Object>> pledges, String field, String... statuses) {
    Set<String> wanted = statuses == null || statuses[0] == null ? null : Set.of(statuses);
    return pledges.stream()
        .filter(p -> wanted == null || wanted.contains((String) p.get("status")))
        .map(p -> (Map<?, ?>) p.get(field))
        .filter(money -> money != null)
        .map(money -> new BigDecimal((String) money.get("amount")))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String totals(String appeal) {
    JsonPath funding =
        Api.as("auditor", "appeal-service").get("/appeals/" + appeal + "/funding").jsonPath();
    return "chaos totals for %s: pledged %s, committed %s, paid %s, funding %s USD, coverage %s %%"
        .formatted(
            appeal,
            funding.getString("pledged.amount"),
            funding.getString("committed.amount"),
            funding.getString("paid.amount"),
            funding.getString("funding.amount"),
            funding.getString("coveragePercent"));
  }

  /**
   * Client threads, each repeating one story: a finance officer announces a pledge for a donor;
   * every second one is committed; every fourth (in USD) is paid in full by a receipt allocated to
   * it. Each step is retried until it gets an answer, with the same Idempotency-Key.
   */
  static final class Load {
    private final String appeal;
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger stories = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final Map<String, String> expectedStatus = new ConcurrentHashMap<>();
    final Map<String, BigDecimal> allocated = new ConcurrentHashMap<>();
    final List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> acceptedByStep = new ConcurrentHashMap<>();

    /** Appeals the manager's client was told are launched. */
    final List<String> launched = new java.util.concurrent.CopyOnWriteArrayList<>();

    Load(String appeal) {
      this.appeal = appeal;
    }

    void start() {
      for (int i = 0; i < CLIENTS; i++) {
        clients.execute(
            () -> {
              while (running.get()) {
                story(stories.getAndIncrement());
                pause(PAUSE_BETWEEN_STORIES);
              }
            });
      }
      // an appeal manager drafts and launches appeals through the appeal-service kill
      clients.execute(
          () -> {
            while (running.get()) {
              launchStory();
              // every launched appeal adds funding events and a gap alert for notification-service
              // to catch up with after the faults: a few appeals, not dozens
              pause(Duration.ofSeconds(5));
            }
          });
    }

    /**
     * Drafts an appeal and launches it on a fixed date, each retried until answered. A retried
     * draft whose first attempt was recorded is answered 409 (the code exists); a retried launch of
     * an appeal launched on the same date is answered 200 (AppealResource). Either counts as
     * success only if appeal-service shows the effect.
     */
    private void launchStory() {
      String code = Api.uniqueAppealCode();
      Response drafted =
          call(
              "draft",
              () ->
                  given()
                      .config(IMPATIENT)
                      .baseUri(RunningPlatform.url("appeal-service"))
                      .auth()
                      .oauth2(RunningPlatform.token("manager"))
                      .contentType("application/json")
                      .body(Api.appeal(code))
                      .post("/appeals"),
              201,
              () -> appealStatus(code) != null);
      if (drafted == null) {
        return;
      }
      Response launch =
          call(
              "launch",
              () ->
                  given()
                      .config(IMPATIENT)
                      .baseUri(RunningPlatform.url("appeal-service"))
                      .auth()
                      .oauth2(RunningPlatform.token("manager"))
                      .queryParam("launchedOn", "1997-01-10")
                      .post("/appeals/" + code + "/launch"),
              200,
              () -> "LAUNCHED".equals(appealStatus(code)));
      if (launch != null) {
        launched.add(code);
      }
    }

    private static String appealStatus(String code) {
      Response response = Api.as("manager", "appeal-service").get("/appeals/" + code);
      return response.statusCode() == 200 ? response.path("status") : null;
    }

    /** Waits until {@code n} more stories have started: the load goes on through the fault. */
    void awaitProgress(int n) {
      int target = stories.get() + n;
      await().atMost(RECOVERY).until(() -> stories.get() >= target);
    }

    void stop() throws InterruptedException {
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
    }

    BigDecimal allocatedUsd() {
      return allocated.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    String report() {
      return ("chaos load: %d stories, %d requests sent, %d accepted (%s), %d retried, %d refused;"
              + " %d pledges, USD %s allocated, %d appeals launched")
          .formatted(
              stories.get(),
              sent.get(),
              accepted.get(),
              acceptedByStep,
              retried.get(),
              refused.size(),
              expectedStatus.size(),
              allocatedUsd(),
              launched.size());
    }

    private void story(int n) {
      String donor = DONORS.get(n % DONORS.size());
      boolean usd = n % 3 != 1;
      // small amounts: the appeal stays below the 50 % gap threshold throughout
      String amount = usd ? (100 + n) + "." + String.format("%02d", n % 100) : "746.00";
      String key = UUID.randomUUID().toString();
      Response announced =
          call(
              "announce",
              () ->
                  given()
                      .config(IMPATIENT)
                      .baseUri(RunningPlatform.url("pledge-service"))
                      .auth()
                      .oauth2(RunningPlatform.token("finance"))
                      .contentType("application/json")
                      .header("Idempotency-Key", key)
                      .body(Api.pledge(appeal, donor, amount, usd ? "USD" : "NOK"))
                      .post("/pledges"),
              201);
      if (announced == null) {
        return;
      }
      String pledge = announced.path("id");
      expectedStatus.put(pledge, "ANNOUNCED");
      if (n % 2 != 0) {
        return;
      }
      Response committed =
          call(
              "commit",
              () ->
                  given()
                      .config(IMPATIENT)
                      .baseUri(RunningPlatform.url("pledge-service"))
                      .auth()
                      .oauth2(RunningPlatform.token("finance"))
                      .contentType("application/json")
                      .body(
                          "{\"agreementReference\":\"CHAOS-"
                              + n
                              + "\",\"signedOn\":\"1997-09-15\"}")
                      .post("/pledges/" + pledge + "/commitment"),
              200,
              // a retry after an answer that was lost: the first attempt committed it
              () -> "COMMITTED".equals(statusOf(pledge)));
      if (committed == null) {
        return;
      }
      expectedStatus.put(pledge, "COMMITTED");
      if (n % 4 != 0 || !usd) {
        return;
      }
      String receiptKey = UUID.randomUUID().toString();
      Response receipt =
          call(
              "receipt",
              () ->
                  given()
                      .config(IMPATIENT)
                      .baseUri(RunningPlatform.url("pledge-service"))
                      .auth()
                      .oauth2(RunningPlatform.token("finance"))
                      .contentType("application/json")
                      .header("Idempotency-Key", receiptKey)
                      .body(
                          """
                          {"donorCode":"%s","amount":{"amount":"%s","currency":"USD"},
                           "valueDate":"1997-10-15","bankReference":"CHAOS-%s"}"""
                              .formatted(donor, amount, receiptKey))
                      .post("/receipts"),
              201);
      if (receipt == null) {
        return;
      }
      String receiptId = receipt.path("id");
      String allocationKey = UUID.randomUUID().toString();
      Response allocation =
          call(
              "allocate",
              () ->
                  given()
                      .config(IMPATIENT)
                      .baseUri(RunningPlatform.url("pledge-service"))
                      .auth()
                      .oauth2(RunningPlatform.token("finance"))
                      .contentType("application/json")
                      .header("Idempotency-Key", allocationKey)
                      .body(
                          "{\"pledgeId\":\"%s\",\"amount\":{\"amount\":\"%s\",\"currency\":\"USD\"}}"
                              .formatted(pledge, amount))
                      .post("/receipts/" + receiptId + "/allocations"),
              201);
      if (allocation != null) {
        expectedStatus.put(pledge, "PAID");
        allocated.put(pledge, new BigDecimal(amount));
      }
    }

    private Response call(String step, Supplier<Response> request, int success) {
      return call(step, request, success, () -> false);
    }

    /**
     * Sends until the answer is {@code success}, or a refusal that {@code alreadyDone} explains. No
     * answer, a 5xx or a 409 (the same key still in flight) is retried; any other answer is
     * recorded as refused.
     */
    private Response call(
        String step, Supplier<Response> request, int success, Supplier<Boolean> alreadyDone) {
      long deadline = System.nanoTime() + RECOVERY.toNanos();
      boolean failedBefore = false;
      while (System.nanoTime() < deadline) {
        sent.incrementAndGet();
        if (failedBefore) {
          retried.incrementAndGet();
        }
        try {
          Response response = request.get();
          int status = response.statusCode();
          if (status == success) {
            accepted.incrementAndGet();
            acceptedByStep.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
            return response;
          }
          if (status == 409 && failedBefore && safely(alreadyDone)) {
            accepted.incrementAndGet();
            acceptedByStep.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
            return response;
          }
          if (status >= 400 && status < 500 && status != 409) {
            if (failedBefore && safely(alreadyDone)) {
              accepted.incrementAndGet();
              acceptedByStep.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
              return response;
            }
            refused.add(step + " " + status + " " + response.body().asString());
            return null;
          }
        } catch (Exception noAnswer) {
          // connection refused or reset, or no answer in time: the service is down or restarting
        }
        failedBefore = true;
        pause(Duration.ofMillis(500));
      }
      refused.add(step + ": no answer within " + RECOVERY);
      return null;
    }

    private static boolean safely(Supplier<Boolean> check) {
      try {
        return check.get();
      } catch (RuntimeException e) {
        return false;
      }
    }

    private static String statusOf(String pledge) {
      return Api.as("finance", "pledge-service")
          .get("/pledges/" + pledge)
          .then()
          .statusCode(200)
          .extract()
          .path("status");
    }

    private static void pause(Duration duration) {
      try {
        Thread.sleep(duration.toMillis()); // pacing a client, not waiting for a result
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
