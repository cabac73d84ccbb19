package org.jointappeal.benchmarks;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 8 (issue #17): the web console's home and appeal pages, rendered for a finance officer
 * who logged in through Keycloak's login form as a browser does (authorization code flow, the
 * console's session cookie), each at a steady open-loop rate. A page is the whole server side of
 * what the browser asks for first: the console's calls to the services with the user's token, and
 * the Qute rendering.
 */
final class ConsolePages {

  private static final Pattern FORM_ACTION =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  private final String consoleUrl;
  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new LoopbackCookies())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * Cookies as a browser keeps them for http://127.0.0.1: Chromium treats loopback as a secure
   * context and sends Keycloak's {@code Secure} login-session cookies over plain http, Java's
   * CookieManager does not, so the attribute is dropped here (the benchmark never leaves loopback).
   */
  private static final class LoopbackCookies extends CookieHandler {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders)
        throws IOException {
      return cookies.get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
      Map<String, List<String>> headers = new HashMap<>();
      responseHeaders.forEach(
          (name, values) ->
              headers.put(
                  name,
                  name != null && name.equalsIgnoreCase("Set-Cookie")
                      ? values.stream().map(v -> SECURE.matcher(v).replaceAll("")).toList()
                      : values));
      cookies.put(uri, headers);
    }
  }

  private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure(?=;|$)");

  ConsolePages(String consoleUrl) {
    this.consoleUrl = consoleUrl;
  }

  List<Step> run(String user, String appeal, double rate, Duration duration) throws Exception {
    logIn(user);
    List<Step> steps = new ArrayList<>();
    for (String page : List.of("/home", "/appeals/" + appeal)) {
      // a few unmeasured requests first: the console's first render of a template compiles it
      for (int i = 0; i < 5; i++) {
        expectPage(get(page));
      }
      Step step =
          OpenLoop.run(
              "console GET " + page,
              rate,
              duration,
              () ->
                  browser
                      .sendAsync(request(page), HttpResponse.BodyHandlers.ofString())
                      .thenApply(
                          r -> isPage(r) ? 200 : r.statusCode() == 200 ? 599 : r.statusCode()),
              status -> status == 200);
      Benchmark.log("%s", step);
      steps.add(step);
    }
    return steps;
  }

  /** Keycloak's login form, filled in; the console's callback then sets its session cookie. */
  private void logIn(String user) throws IOException, InterruptedException {
    HttpResponse<String> form = get("/home");
    Matcher action = FORM_ACTION.matcher(form.body());
    if (!action.find()) {
      throw new IllegalStateException(
          "no Keycloak login form at " + form.uri() + " (" + form.statusCode() + ")");
    }
    String body =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo&credentialId="; // local demo password only
    HttpResponse<String> home =
        browser.send(
            HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (!home.uri().toString().startsWith(consoleUrl)) {
      throw new IllegalStateException("login as " + user + " ended at " + home.uri());
    }
    expectPage(home);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create(consoleUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "text/html")
        .GET()
        .build();
  }

  /** The console's own page (not Keycloak's login form, which a lost session would give). */
  private boolean isPage(HttpResponse<String> response) {
    return response.statusCode() == 200 && response.uri().toString().startsWith(consoleUrl);
  }

  private void expectPage(HttpResponse<String> response) {
    if (!isPage(response)) {
      throw new IllegalStateException(
          "console page expected, got " + response.statusCode() + " at " + response.uri());
    }
  }
}
