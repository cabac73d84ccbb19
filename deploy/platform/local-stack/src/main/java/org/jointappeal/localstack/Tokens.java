package org.jointappeal.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gets access tokens from a Keycloak realm's token endpoint, for tests and demo scripts: the
 * password grant on the public client {@code joint-appeal-cli} (local use only) and the
 * client-credentials grant on a confidential client.
 */
public final class Tokens {

  /** The public client with direct access grants that exists in both demo realms. */
  public static final String CLI_CLIENT = "joint-appeal-cli";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI tokenEndpoint;

  private Tokens(URI tokenEndpoint) {
    this.tokenEndpoint = tokenEndpoint;
  }

  /** For example {@code forRealm("http://127.0.0.1:8180", "joint-appeal")}. */
  public static Tokens forRealm(String baseUrl, String realm) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return new Tokens(
        URI.create(
            base
                + "/realms/"
                + URLEncoder.encode(realm, StandardCharsets.UTF_8)
                + "/protocol/openid-connect/token"));
  }

  /** The raw access token of a user, by the password grant on {@code joint-appeal-cli}. */
  public String password(String username, String password) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", CLI_CLIENT);
    form.put("username", username);
    form.put("password", password);
    return request(form, "user " + username);
  }

  /** The raw access token of a confidential client's service account. */
  public String clientCredentials(String clientId, String secret) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    return request(form, "client " + clientId);
  }

  private String request(Map<String, String> form, String who) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("token request for " + who + " to " + tokenEndpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during a token request", e);
    }
    if (response.statusCode() == 200) {
      try {
        JsonNode token = JSON.readTree(response.body()).path("access_token");
        if (token.isTextual()) {
          return token.asText();
        }
      } catch (IOException e) {
        // reported below with the body
      }
    }
    throw new TokenException(
        "no access token for "
            + who
            + " from "
            + tokenEndpoint
            + ": HTTP "
            + response.statusCode()
            + " "
            + response.body(),
        response.statusCode(),
        response.body());
  }

  /** A refused or failed token request, with Keycloak's answer (e.g. {@code invalid_grant}). */
  public static final class TokenException extends RuntimeException {
    private final int status;
    private final String body;

    TokenException(String message, int status, String body) {
      super(message);
      this.status = status;
      this.body = body;
    }

    public int status() {
      return status;
    }

    /** Keycloak's error body, e.g. {@code {"error":"invalid_grant",...}}. */
    public String body() {
      return body;
    }
  }
}
