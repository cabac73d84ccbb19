package org.jointappeal.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5: {@code POST /bank-statements} on pledge-service with a generated camt.053 of many
 * entries: the time to a response and the share of entries matched to pledges, when the service has
 * that endpoint; otherwise a note that it is not there.
 */
final class BankStatementImport {

  record Result(
      String status, int entries, double seconds, Map<String, Object> figures, String note) {}

  private final Api api;

  BankStatementImport(Api api) {
    this.api = api;
  }

  Result run(int entries, List<String> committedPledges) {
    String xml = Camt053.statement("BENCH-STMT-" + System.nanoTime(), entries, committedPledges);
    long started = System.nanoTime();
    var response =
        api.send(
                "POST",
                api.pledgeUrl() + "/bank-statements",
                "finance",
                xml,
                Map.of(
                    "Content-Type",
                    "application/xml",
                    "Idempotency-Key",
                    java.util.UUID.randomUUID().toString()))
            .join();
    double seconds = (System.nanoTime() - started) / 1e9;
    int status = response.statusCode();
    if (status == 404 || status == 405) {
      return new Result(
          "skipped",
          entries,
          0,
          Map.of(),
          "endpoint not available (" + status + "): POST /bank-statements is not in this build");
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    try {
      collectCounts(Api.JSON.readTree(response.body()), "", figures);
    } catch (Exception e) {
      // not JSON: the status and time still say something
    }
    return new Result(
        status / 100 == 2 ? "measured" : "failed",
        entries,
        seconds,
        figures,
        "HTTP "
            + status
            + (status / 100 == 2
                ? ""
                : " " + response.body().substring(0, Math.min(300, response.body().length()))));
  }

  /** Numbers in the answer whose names speak of entries or matching, e.g. matchedEntries. */
  private static void collectCounts(JsonNode node, String path, Map<String, Object> out) {
    node.fields()
        .forEachRemaining(
            e -> {
              String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
              if (e.getValue().isNumber()
                  && name.toLowerCase().matches(".*(match|entr|count|receipt).*")) {
                out.put(name, e.getValue().numberValue());
              } else if (e.getValue().isObject()) {
                collectCounts(e.getValue(), name, out);
              } else if (e.getValue().isArray() && name.toLowerCase().contains("entr")) {
                out.put(name + ".length", e.getValue().size());
              }
            });
  }
}
