package org.jointappeal.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A seeded, ILLUSTRATIVE payment history before 1997 for the demo donors, so that the cash forecast
 * of CIS-1997 (as of a 1997 date) has behaviour to learn from: a yearly appeal HIST-1993 to
 * HIST-1996 (USD 2,000,000 each), each demo donor pledging USD 400,000 a year in four quarterly
 * instalments, all in USD (no pre-1997 rates needed). Behaviours follow the forecast's generator
 * (pledge-service HistoryGenerator, docs/forecast.md): Norway pays on the due date, Sweden about 90
 * days late, Switzerland erratically (20 days early to 200 days late), the United States writes off
 * about one instalment in five and pays the rest about 10 days late. Same seed, same history.
 */
final class DemoHistory {

  static final long SEED = 19970702L;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String appealUrl;
  private final String pledgeUrl;
  private final String manager;
  private final String finance;
  private final SplittableRandom random = new SplittableRandom(SEED);

  DemoHistory(String appealUrl, String pledgeUrl, String managerToken, String financeToken) {
    this.appealUrl = appealUrl;
    this.pledgeUrl = pledgeUrl;
    this.manager = managerToken;
    this.finance = financeToken;
  }

  void load() {
    for (int year = 1993; year <= 1996; year++) {
      String appeal = "HIST-" + year;
      appeal(appeal, year);
      for (String donor : new String[] {"NOR", "SWE", "CHE", "USA"}) {
        pledge(appeal, donor, year);
      }
    }
  }

  private void appeal(String code, int year) {
    ObjectNode body = JSON.createObjectNode();
    body.put("code", code);
    body.put("title", "Generated history " + year + " (ILLUSTRATIVE, for the cash forecast)");
    body.putArray("agencies").add("UNHCR").add("IOM");
    body.put("periodStart", year + "-01-01");
    body.put("periodEnd", year + "-12-31");
    ObjectNode line = body.putArray("requirementLines").addObject();
    line.put("country", "GEO");
    line.put("agency", "UNHCR");
    line.put("sector", "PROTECTION");
    line.put("category", "INTERNALLY_DISPLACED_PERSONS");
    line.put("priority", "NON_EMERGENCY");
    line.putObject("amount").put("amount", "2000000.00").put("currency", "USD");
    expect(call("POST", appealUrl + "/appeals", manager, body), 201, "create " + code);
    expect(
        call(
            "POST",
            appealUrl + "/appeals/" + code + "/launch?launchedOn=" + year + "-01-10",
            manager,
            null),
        200,
        "launch " + code);
  }

  private void pledge(String appeal, String donor, int year) {
    LocalDate announced = LocalDate.of(year, 1, 15).plusDays(random.nextInt(0, 30));
    ObjectNode body = JSON.createObjectNode();
    body.put("appealCode", appeal);
    body.put("donorCode", donor);
    body.putObject("amount").put("amount", "400000.00").put("currency", "USD");
    body.put("announcedOn", announced.toString());
    body.put("occasion", "Pledging conference " + year + " (ILLUSTRATIVE)");
    var schedule = body.putArray("instalments");
    LocalDate[] due = new LocalDate[4];
    for (int q = 0; q < 4; q++) {
      due[q] = LocalDate.of(year, 3 * q + 3, 1).plusMonths(1).minusDays(1);
      ObjectNode i = schedule.addObject().put("dueOn", due[q].toString());
      i.putObject("amount").put("amount", "100000.00").put("currency", "USD");
    }
    var response = call("POST", pledgeUrl + "/pledges", finance, body);
    // pledge-service learns of the launch through Kafka, a moment after appeal-service answered
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (response.statusCode() == 409 && System.nanoTime() < deadline) {
      sleep(500);
      response = call("POST", pledgeUrl + "/pledges", finance, body);
    }
    expect(response, 201, donor + " pledges to " + appeal);
    String pledge = read(response).get("id").asText();
    ObjectNode commitment =
        JSON.createObjectNode()
            .put("agreementReference", donor + "-" + appeal)
            .put("signedOn", announced.plusDays(14).toString());
    expect(
        call("POST", pledgeUrl + "/pledges/" + pledge + "/commitment", finance, commitment),
        200,
        "commit " + donor + "-" + appeal);
    LocalDate writeOff = null;
    for (int q = 0; q < 4; q++) {
      if ("USA".equals(donor) && random.nextDouble() < 0.2) {
        writeOff = due[q].plusDays(180); // this and the later instalments are written off
        break;
      }
      int delay =
          switch (donor) {
            case "NOR" -> 0;
            case "SWE" -> 85 + random.nextInt(11);
            case "CHE" -> random.nextInt(-20, 201);
            default -> random.nextInt(5, 16);
          };
      LocalDate valueDate = due[q].plusDays(delay);
      if (valueDate.isBefore(announced.plusDays(14))) {
        valueDate = announced.plusDays(14);
      }
      pay(pledge, donor, valueDate);
    }
    if (writeOff != null) {
      ObjectNode body2 =
          JSON.createObjectNode()
              .put("reason", "Will not be paid (ILLUSTRATIVE)")
              .put("writtenOffOn", writeOff.toString());
      expect(
          call("POST", pledgeUrl + "/pledges/" + pledge + "/write-offs", finance, body2),
          201,
          "write off " + donor + "-" + appeal);
    }
  }

  private void pay(String pledge, String donor, LocalDate valueDate) {
    ObjectNode receipt = JSON.createObjectNode();
    receipt.put("donorCode", donor);
    receipt.putObject("amount").put("amount", "100000.00").put("currency", "USD");
    receipt.put("valueDate", valueDate.toString());
    receipt.put("bankReference", "HIST-" + UUID.randomUUID());
    receipt.put("remittanceText", "Contribution (ILLUSTRATIVE)");
    var recorded = call("POST", pledgeUrl + "/receipts", finance, receipt);
    expect(recorded, 201, "record a receipt of " + donor);
    ObjectNode allocation = JSON.createObjectNode().put("pledgeId", pledge);
    allocation.putObject("amount").put("amount", "100000.00").put("currency", "USD");
    expect(
        call(
            "POST",
            pledgeUrl + "/receipts/" + read(recorded).get("id").asText() + "/allocations",
            finance,
            allocation),
        201,
        "allocate a receipt of " + donor);
  }

  private static HttpResponse<String> call(String method, String url, String token, JsonNode body) {
    try {
      var request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json")
              .header("Idempotency-Key", UUID.randomUUID().toString());
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
      throw new IllegalStateException(
          "demo history: could not " + what + ": " + response.statusCode() + " " + response.body());
    }
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
