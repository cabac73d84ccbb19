package org.jointappeal.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.jointappeal.localstack.Tokens;

/** Calls to the running services with real Keycloak tokens, as their users would make them. */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] DONORS = {"NOR", "SWE", "CHE", "USA", "JPN"};

  // HTTP/1.1 with a connection per request in flight, as most REST clients; the pool grows as
  // needed so that open-loop load is never throttled by the client.
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(
              Executors.newFixedThreadPool(
                  8,
                  task -> {
                    Thread thread = new Thread(task, "http-client");
                    thread.setDaemon(true); // must not keep the JVM alive after the report
                    return thread;
                  }))
          .build();

  /** Keycloak's tokens live 15 minutes; a fresh one every 5 keeps long runs going. */
  private static final Duration TOKEN_AGE = Duration.ofMinutes(5);

  private final String appealUrl;
  private final String pledgeUrl;
  private final String notificationUrl;
  private final Tokens tokens;
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  private record Token(String value, long fetchedAt) {}

  Api(String appealUrl, String pledgeUrl, String notificationUrl, Tokens tokens) {
    this.appealUrl = appealUrl;
    this.pledgeUrl = pledgeUrl;
    this.notificationUrl = notificationUrl;
    this.tokens = tokens;
  }

  String appealUrl() {
    return appealUrl;
  }

  String pledgeUrl() {
    return pledgeUrl;
  }

  String notificationUrl() {
    return notificationUrl;
  }

  String token(String user) {
    return cache
        .compute(
            user,
            (u, old) ->
                old != null && System.nanoTime() - old.fetchedAt() < TOKEN_AGE.toNanos()
                    ? old
                    : new Token(tokens.password(u, "demo"), System.nanoTime()))
        .value();
  }

  CompletableFuture<HttpResponse<String>> send(
      String method, String url, String user, String jsonOrNull, Map<String, String> headers) {
    return send(method, url, user, jsonOrNull, headers, Duration.ofSeconds(60));
  }

  CompletableFuture<HttpResponse<String>> send(
      String method,
      String url,
      String user,
      String jsonOrNull,
      Map<String, String> headers,
      Duration timeout) {
    var request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token(user))
            .header("Accept", "application/json");
    headers.forEach(request::header);
    if (jsonOrNull == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      if (!headers.containsKey("Content-Type")) {
        request.header("Content-Type", "application/json");
      }
      request.method(method, HttpRequest.BodyPublishers.ofString(jsonOrNull));
    }
    return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> call(String method, String url, String user, String jsonOrNull) {
    return send(method, url, user, jsonOrNull, Map.of()).join();
  }

  /** Creating POSTs carry an Idempotency-Key, as a careful client sends them. */
  CompletableFuture<HttpResponse<String>> create(String url, String user, String json) {
    return send("POST", url, user, json, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }

  static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  static HttpResponse<String> expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          what + ": expected " + status + ", got " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  /** A launched-to-be appeal with one USD 10,000,000 line. */
  static String appeal(String code) {
    return appeal(code, "10000000.00");
  }

  /** A launched-to-be appeal with one line of {@code usd} requirements. */
  static String appeal(String code, String usd) {
    return """
        {"code":"%s","title":"Benchmark appeal %s","agencies":["UNHCR"],
         "periodStart":"1997-01-01","periodEnd":"1997-12-31",
         "requirementLines":[
           {"country":"GEO","agency":"UNHCR","sector":"PROTECTION","category":"INTERNALLY_DISPLACED_PERSONS",
            "priority":"EMERGENCY","amount":{"amount":"%s","currency":"USD"}}]}"""
        .formatted(code, code, usd);
  }

  /**
   * A pledge recorded by a finance officer for a donor, in USD (no exchange rate needed). Its one
   * instalment falls due in 2099: due in 1997, every loaded pledge would be overdue today, and the
   * overdue check would raise three alerts per pledge in the middle of the measurements.
   */
  static String pledge(String appeal, String donor, String usd) {
    return """
        {"appealCode":"%s","donorCode":"%s","amount":{"amount":"%s","currency":"USD"},
         "announcedOn":"1997-07-02","occasion":"Benchmark",
         "instalments":[{"dueOn":"2099-12-31","amount":{"amount":"%s","currency":"USD"}}]}"""
        .formatted(appeal, donor, usd, usd);
  }

  static String commitment(String reference) {
    return """
        {"agreementReference":"%s","signedOn":"1997-09-15"}"""
        .formatted(reference);
  }
}
