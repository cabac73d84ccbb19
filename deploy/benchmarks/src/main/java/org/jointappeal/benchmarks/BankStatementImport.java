package org.jointappeal.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Scenario 5: {@code POST /bank-statements} on pledge-service with a generated camt.053 of many
 * entries: the time until it is imported and the share of credits matched to pledges. The payer is
 * a donor registered with the payer IBAN, with committed pledges of USD 1,000.00 that the
 * statement's credits of 250.00 name (four each); one entry in ten names nothing. A large file is
 * answered 202 and imported in the background: the statement resource is polled until its import
 * ends, and the time runs from the request to that end. When pledge-service has no such endpoint
 * (404), the scenario says so and does nothing else.
 */
final class BankStatementImport {

  static final String DONOR = "XBK";

  record Result(
      String status,
      int entries,
      int pledgesNamed,
      double seconds,
      Map<String, Object> figures,
      String note) {}

  private final Api api;
  private final DataLoader data;
  private final int concurrency;

  BankStatementImport(Api api, DataLoader data, int concurrency) {
    this.api = api;
    this.data = data;
    this.concurrency = concurrency;
  }

  /**
   * @param settle waits until the consumers have taken the payer's pledges, so that the import is
   *     timed alone on the machine, not against the projection of thousands of new pledges
   */
  Result run(int entries, Runnable settle) {
    int probe = post("<Document/>").statusCode();
    if (probe == 404 || probe == 405) {
      return new Result(
          "skipped",
          entries,
          0,
          0,
          Map.of(),
          "endpoint not available (" + probe + "): POST /bank-statements is not in this build");
    }
    List<String> pledges = payerPledges((int) Math.ceil(entries * 0.9 / 4));
    String xml = Camt053.statement("BENCH-" + System.nanoTime(), entries, pledges, 4);
    settle.run();
    long started = System.nanoTime();
    var response = post(xml);
    double answered = (System.nanoTime() - started) / 1e9;
    int status = response.statusCode();
    String body = response.body();
    String ended = null;
    if (status == 202) {
      var location = response.headers().firstValue("Location").orElseThrow();
      while (true) {
        sleep(Duration.ofMillis(200));
        var now = api.send("GET", location, "finance", null, Map.of()).join();
        String state = Api.read(now).path("status").asText();
        if (!state.equals("RECEIVED") && !state.equals("IMPORTING")) {
          body = now.body();
          ended = state;
          break;
        }
        if (System.nanoTime() - started > Duration.ofMinutes(15).toNanos()) {
          ended = "still " + state + " after 15 minutes";
          break;
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Object> figures = new LinkedHashMap<>();
    try {
      collectCounts(Api.JSON.readTree(body), "", figures);
    } catch (Exception e) {
      // not JSON: the status and time still say something
    }
    String note =
        String.format(
            java.util.Locale.ROOT,
            "HTTP %d after %.2f s%s, %d KiB",
            status,
            answered,
            ended == null ? "" : ", then " + ended,
            xml.length() / 1024);
    if (figures.get("summary.autoMatched") instanceof Number matched
        && figures.get("summary.credits") instanceof Number credits
        && credits.doubleValue() > 0) {
      note +=
          String.format(
              java.util.Locale.ROOT,
              "; matched %.1f %% of credits (90 %% name a pledge)",
              100 * matched.doubleValue() / credits.doubleValue());
    }
    boolean imported = status / 100 == 2 && (ended == null || ended.equals("IMPORTED"));
    if (!imported) {
      note += " " + body.substring(0, Math.min(300, body.length()));
    }
    return new Result(
        imported ? "measured" : "failed", entries, pledges.size(), seconds, figures, note);
  }

  private java.net.http.HttpResponse<String> post(String xml) {
    return api.send(
            "POST",
            api.pledgeUrl() + "/bank-statements",
            "finance",
            xml,
            Map.of("Content-Type", "application/xml"),
            // a small file is imported within the request, a large one answered at once
            Duration.ofMinutes(15))
        .join();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while polling the statement", e);
    }
  }

  /** Registers the payer donor with the payer IBAN and commits {@code count} pledges for it. */
  private List<String> payerPledges(int count) {
    String donor =
        """
        {"code":"%s","name":"Benchmark donor","kind":"ORGANISATION","ibans":["%s"]}"""
            .formatted(DONOR, Camt053.PAYER_IBAN);
    int registered = api.create(api.pledgeUrl() + "/donors", "finance", donor).join().statusCode();
    if (registered != 201 && registered != 409) {
      throw new IllegalStateException("cannot register donor " + DONOR + ": HTTP " + registered);
    }
    List<String> appeals = data.appeals();
    List<CompletableFuture<String>> pending = new ArrayList<>();
    Semaphore permits = new Semaphore(concurrency);
    for (int i = 0; i < count; i++) {
      permits.acquireUninterruptibly();
      pending.add(
          data.announce(appeals.get(i % appeals.size()), DONOR, "1000.00", 0)
              .thenCompose(data::commit)
              .whenComplete((id, e) -> permits.release()));
    }
    data.countCreated(count);
    return pending.stream().map(CompletableFuture::join).toList();
  }

  /** Numbers in the answer whose names speak of entries, credits or matching. */
  private static void collectCounts(JsonNode node, String path, Map<String, Object> out) {
    node.fields()
        .forEachRemaining(
            e -> {
              String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
              if (e.getValue().isNumber()
                  && name.toLowerCase().matches(".*(match|entr|credit|receipt|skip|ignor).*")) {
                out.put(name, e.getValue().numberValue());
              } else if (e.getValue().isObject()) {
                collectCounts(e.getValue(), name, out);
              }
            });
  }
}
