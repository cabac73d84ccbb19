package org.jointappeal.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Loads the demo through the public APIs, as its users would: the 1996/97 UNHCR/IOM joint appeal
 * for the twelve CIS countries, UN exchange rates, and the pledges announced at the Steering Group
 * of 2 July 1997. Countries, agencies and sectors follow the 1997 report; all amounts, rates and
 * the donors' shares are ILLUSTRATIVE, not historical figures.
 */
public final class DemoData {

  public static final String APPEAL = "CIS-1997";
  private static final List<String> CIS =
      List.of("ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String appealUrl;
  private final String pledgeUrl;
  private final Tokens tokens;

  public DemoData(String appealUrl, String pledgeUrl, Tokens tokens) {
    this.appealUrl = appealUrl;
    this.pledgeUrl = pledgeUrl;
    this.tokens = tokens;
  }

  /** Loads everything unless the appeal already exists (data kept from an earlier run). */
  public boolean loadIfAbsent() {
    String manager = tokens.password("manager", "demo");
    if (call("GET", appealUrl + "/appeals/" + APPEAL, manager, null).statusCode() == 200) {
      return false;
    }
    expect(call("POST", appealUrl + "/appeals", manager, appeal()), 201, "create the appeal");
    // the joint appeal was issued in November 1996: launched on that business date
    expect(
        call(
            "POST",
            appealUrl + "/appeals/" + APPEAL + "/launch?launchedOn=1996-11-20",
            manager,
            null),
        200,
        "launch the appeal");
    JsonNode launched = read(call("GET", appealUrl + "/appeals/" + APPEAL, manager, null));
    String georgiaIdps = lineId(launched, "GEO", "UNHCR", "EMERGENCY_ASSISTANCE");
    expect(
        call("POST", appealUrl + "/appeals/" + APPEAL + "/revisions", manager, revision(launched)),
        201,
        "revise the appeal");

    String finance = tokens.password("finance", "demo");
    // UNORE for July 1997, units per USD: ILLUSTRATIVE values
    rate(finance, "NOK", "1997-07-01", "7.46");
    rate(finance, "SEK", "1997-07-01", "7.79");
    rate(finance, "CHF", "1997-07-01", "1.46");
    rate(finance, "JPY", "1997-07-01", "114.50");

    // earmarking (ILLUSTRATIVE): Norway to one line, Sweden softly to UNHCR, Switzerland to
    // migration management in Tajikistan, the United States unearmarked
    String norway =
        pledge(
            "donor-nor",
            "5000000.00",
            "NOK",
            earmarking("TIGHTLY_EARMARKED").put("requirementLineId", georgiaIdps));
    pledge("donor-swe", "4000000.00", "SEK", earmarking("SOFTLY_EARMARKED").put("agency", "UNHCR"));
    pledge(
        "donor-che",
        "1500000.00",
        "CHF",
        earmarking("EARMARKED").put("country", "TJK").put("sector", "MIGRATION_MANAGEMENT"));
    String usa = pledge("donor-usa", "2000000.00", "USD", null);
    commit(finance, norway, "NOR-UNHCR-IOM-1997-001", "1997-09-15");
    commit(finance, usa, "USA-PRM-1997-CIS-07", "1997-08-20");
    // a seeded payment history before 1997, for the cash forecast (ILLUSTRATIVE)
    new DemoHistory(appealUrl, pledgeUrl, manager, finance).load();
    return true;
  }

  private ObjectNode appeal() {
    ObjectNode appeal = JSON.createObjectNode();
    appeal.put("code", APPEAL);
    appeal.put("title", "CIS Conference follow-up: UNHCR/IOM joint appeal 1997");
    appeal.putArray("agencies").add("UNHCR").add("IOM");
    appeal.put("periodStart", "1997-01-01");
    appeal.put("periodEnd", "1997-12-31");
    appeal.put(
        "description",
        "Programme of Action of the 1996 Geneva conference on refugees, displaced persons, other forms of"
            + " involuntary displacement and returnees in the CIS. Requirement amounts are ILLUSTRATIVE.");
    ArrayNode lines = appeal.putArray("requirementLines");
    for (int i = 0; i < CIS.size(); i++) {
      String country = CIS.get(i);
      long scale = 100_000L * (3 + i % 4); // illustrative sizes, varying by country
      line(
          lines,
          country,
          "UNHCR",
          "EMERGENCY_ASSISTANCE",
          "INTERNALLY_DISPLACED_PERSONS",
          "EMERGENCY",
          6 * scale);
      line(lines, country, "UNHCR", "PROTECTION", "REFUGEES", "NON_EMERGENCY", 3 * scale);
      line(
          lines,
          country,
          "IOM",
          "MIGRATION_MANAGEMENT",
          "ILLEGAL_MIGRANTS",
          "NON_EMERGENCY",
          2 * scale);
      line(
          lines,
          country,
          "IOM",
          "CAPACITY_BUILDING",
          "INVOLUNTARILY_RELOCATING_PERSONS",
          "NON_EMERGENCY",
          scale);
    }
    line(
        lines,
        "XRG",
        "IOM",
        "RESEARCH_AND_INFORMATION",
        "ILLEGAL_MIGRANTS",
        "NON_EMERGENCY",
        450_000);
    line(lines, "XRG", "UNHCR", "CAPACITY_BUILDING", "REFUGEES", "NON_EMERGENCY", 750_000);
    return appeal;
  }

  /**
   * The mid-year revision (ILLUSTRATIVE): every line restated with its id, Tajikistan's migration
   * management raised by half, and a new returnee line for Tajikistan.
   */
  private static ObjectNode revision(JsonNode appeal) {
    ObjectNode revision = JSON.createObjectNode();
    revision.put("reason", "Mid-year review: Tajikistan returnee programme (ILLUSTRATIVE)");
    revision.put("effectiveOn", "1997-06-30");
    ArrayNode lines = revision.putArray("requirementLines");
    for (JsonNode current : appeal.path("requirementLines")) {
      ObjectNode line = lines.addObject();
      for (String field :
          List.of("lineId", "country", "agency", "sector", "category", "priority")) {
        line.set(field, current.get(field));
      }
      java.math.BigDecimal amount =
          new java.math.BigDecimal(current.path("amount").path("amount").asText());
      if ("TJK".equals(current.path("country").asText())
          && "MIGRATION_MANAGEMENT".equals(current.path("sector").asText())) {
        amount =
            amount
                .multiply(java.math.BigDecimal.valueOf(3))
                .divide(java.math.BigDecimal.valueOf(2));
      }
      line.putObject("amount")
          .put("amount", amount.setScale(2).toPlainString())
          .put("currency", "USD");
    }
    line(lines, "TJK", "IOM", "MIGRATION_ASSISTANCE", "RETURNEES", "NON_EMERGENCY", 250_000);
    return revision;
  }

  private static String lineId(JsonNode appeal, String country, String agency, String sector) {
    for (JsonNode line : appeal.path("requirementLines")) {
      if (country.equals(line.path("country").asText())
          && agency.equals(line.path("agency").asText())
          && sector.equals(line.path("sector").asText())) {
        return line.path("lineId").asText();
      }
    }
    throw new IllegalStateException(
        "demo data: no " + country + "/" + agency + "/" + sector + " line");
  }

  private static ObjectNode earmarking(String level) {
    return JSON.createObjectNode().put("level", level);
  }

  private static void line(
      ArrayNode lines,
      String country,
      String agency,
      String sector,
      String category,
      String priority,
      long usd) {
    ObjectNode line = lines.addObject();
    line.put("country", country);
    line.put("agency", agency);
    line.put("sector", sector);
    line.put("category", category);
    line.put("priority", priority);
    line.putObject("amount").put("amount", usd + ".00").put("currency", "USD");
  }

  private void rate(String token, String currency, String month, String unitsPerUsd) {
    ObjectNode body = JSON.createObjectNode().put("unitsPerUsd", unitsPerUsd);
    var response =
        call("PUT", pledgeUrl + "/exchange-rates/" + currency + "/" + month, token, body);
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      fail("load the " + currency + " rate", response);
    }
  }

  private String pledge(String donorUser, String amount, String currency, ObjectNode earmarking) {
    ObjectNode body = JSON.createObjectNode();
    body.put("appealCode", APPEAL);
    body.putObject("amount").put("amount", amount).put("currency", currency);
    body.put("announcedOn", "1997-07-02");
    body.put("occasion", "Steering Group, Geneva, 2 July 1997");
    if (earmarking != null) {
      body.set("earmarking", earmarking);
    }
    String token = tokens.password(donorUser, "demo");
    var response = call("POST", pledgeUrl + "/pledges", token, body);
    // pledge-service learns of the launch through Kafka, a moment after appeal-service answered
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (response.statusCode() == 409
        && response.body().contains("appeal-not-yet-known")
        && System.nanoTime() < deadline) {
      sleep(500);
      response = call("POST", pledgeUrl + "/pledges", token, body);
    }
    expect(response, 201, donorUser + " pledges");
    return read(response).get("id").asText();
  }

  private void commit(String token, String pledgeId, String agreement, String signedOn) {
    ObjectNode body =
        JSON.createObjectNode().put("agreementReference", agreement).put("signedOn", signedOn);
    expect(
        call("POST", pledgeUrl + "/pledges/" + pledgeId + "/commitment", token, body),
        200,
        "commit " + agreement);
  }

  private static HttpResponse<String> call(String method, String url, String token, JsonNode body) {
    try {
      var request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json");
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      fail(what, response);
    }
  }

  private static void fail(String what, HttpResponse<String> response) {
    throw new IllegalStateException(
        "demo data: could not " + what + ": " + response.statusCode() + " " + response.body());
  }

  private static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("unreadable answer: " + response.body(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
