package org.jointappeal.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A browser without a browser: a plain HTTP client with a cookie jar that logs in to the web
 * console through Keycloak's own login form (authorization code flow, as a person would), then
 * calls the console's routes with its session cookie and CSRF token. For the end-to-end tests and
 * the benchmark (pages timed as a logged-in user sees them).
 */
public final class ConsoleSession {

  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String console;
  private final Jar jar = new Jar();
  private final HttpClient following;
  private final HttpClient exact;

  private ConsoleSession(String console) {
    this.console = console;
    this.following =
        HttpClient.newBuilder()
            .cookieHandler(jar)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(TIMEOUT)
            .build();
    this.exact =
        HttpClient.newBuilder()
            .cookieHandler(jar)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
  }

  /** No login: only the public page was opened (it sets the CSRF cookie as any page does). */
  public static ConsoleSession anonymous(String console) {
    var session = new ConsoleSession(console);
    int status = session.get("/").statusCode();
    if (status != 200) {
      throw new IllegalStateException("the console's public page answered " + status);
    }
    return session;
  }

  /** Logged in as {@code user} (demo password) through the Keycloak login form. */
  public static ConsoleSession loggedIn(String console, String user) {
    return loggedIn(console, user, "demo");
  }

  public static ConsoleSession loggedIn(String console, String user, String password) {
    var session = new ConsoleSession(console);
    var loginPage = session.send(session.following, request("/home", session).GET().build());
    var form = LOGIN_FORM.matcher(loginPage.body());
    if (!form.find()) {
      throw new IllegalStateException(
          "no Keycloak login form for " + user + " at " + loginPage.uri());
    }
    String action = form.group(1).replace("&amp;", "&");
    var home =
        session.send(
            session.following,
            HttpRequest.newBuilder(URI.create(action))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(Map.of("username", user, "password", password, "credentialId", ""))))
                .build());
    if (!home.uri().toString().equals(console + "/home") || home.statusCode() != 200) {
      throw new IllegalStateException(
          user + "'s login ended at " + home.uri() + " with " + home.statusCode());
    }
    return session;
  }

  public HttpResponse<String> get(String path) {
    return send(exact, request(path, this).GET().build());
  }

  /** A page as a browser asks for it, not waiting for the answer (the benchmark's open loop). */
  public java.util.concurrent.CompletableFuture<HttpResponse<String>> getPageAsync(String path) {
    return exact.sendAsync(
        request(path, this).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A form post with this session's CSRF token, as the console's own forms send it. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    var all = new java.util.LinkedHashMap<>(fields);
    all.put("csrf-token", csrfToken());
    return send(
        exact,
        request(path, this)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(all)))
            .build());
  }

  /** A multipart upload of one file (the camt.053 and rate forms), with the CSRF token. */
  public HttpResponse<String> upload(String path, String fileName, String content) {
    String boundary = "----console" + UUID.randomUUID();
    String body =
        "--%1$s\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n%2$s\r\n--%1$s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%3$s\"\r\nContent-Type: application/octet-stream\r\n\r\n%4$s\r\n--%1$s--\r\n"
            .formatted(boundary, csrfToken(), fileName, content);
    return send(
        exact,
        request(path, this)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * The first bytes of an event stream, or what a refusal answered; the status and what the stream
   * sent within the time given.
   */
  public Stream stream(String path, Duration within) {
    var answer =
        exact.sendAsync(
            request(path, this).header("Accept", "text/event-stream").GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try {
      var response = answer.get(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      StringBuilder read = new StringBuilder();
      if (response.statusCode() == 200) {
        var reader = new Thread(() -> readInto(response.body(), read), "console-stream-reader");
        reader.setDaemon(true);
        reader.start();
        reader.join(within.toMillis());
      }
      response.body().close();
      synchronized (read) {
        return new Stream(
            response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(""),
            read.toString());
      }
    } catch (Exception e) {
      throw new IllegalStateException("the stream " + path + " did not answer within " + within, e);
    } finally {
      answer.cancel(true);
    }
  }

  public record Stream(int status, String contentType, String received) {}

  private static void readInto(InputStream in, StringBuilder into) {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        synchronized (into) {
          into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          if (into.indexOf("\n\n") >= 0) {
            return; // one whole event is enough
          }
        }
      }
    } catch (IOException closed) {
      // the test closed the stream: what was read is the answer
    }
  }

  private String csrfToken() {
    String token = jar.value("csrf-token");
    if (token == null) {
      get("/"); // any page sets it
      token = jar.value("csrf-token");
    }
    // none yet (a caller the login redirect turns away first): the console refuses the post
    return token == null ? "" : token;
  }

  private static HttpRequest.Builder request(String path, ConsoleSession session) {
    return HttpRequest.newBuilder(URI.create(session.console + path)).timeout(TIMEOUT);
  }

  private HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> fields) {
    var joiner = new StringJoiner("&");
    fields.forEach(
        (name, value) ->
            joiner.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return joiner.toString();
  }

  /**
   * Every cookie by name, sent back to every host and path: the console and Keycloak both live on
   * 127.0.0.1 with distinct names, and java.net.CookieManager would withhold the cookies Keycloak
   * marks Secure on its plain-http loopback address (a browser treats loopback as secure).
   */
  private static final class Jar extends CookieHandler {
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
      if (cookies.isEmpty()) {
        return Map.of();
      }
      var joiner = new StringJoiner("; ");
      cookies.forEach((name, value) -> joiner.add(name + "=" + value));
      return Map.of("Cookie", List.of(joiner.toString()));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) {
      headers.forEach(
          (name, values) -> {
            if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
              values.forEach(this::set);
            }
          });
    }

    private void set(String header) {
      String[] parts = header.split(";");
      int eq = parts[0].indexOf('=');
      if (eq <= 0) {
        return;
      }
      String name = parts[0].substring(0, eq).trim();
      String value = parts[0].substring(eq + 1).trim();
      boolean expired = value.isEmpty();
      for (int i = 1; i < parts.length; i++) {
        String attribute = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
        if (attribute.equals("max-age=0") || attribute.contains("expires=thu, 01 jan 1970")) {
          expired = true;
        }
      }
      if (expired) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }

    String value(String name) {
      return cookies.get(name);
    }
  }
}
