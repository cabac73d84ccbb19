package org.jointappeal.notification.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP receiver on a free loopback port that fails the first N calls with 500 (or sends
 * every call elsewhere with a 303, {@link #redirectingTo}). It listens on 127.0.0.2, the one
 * loopback address the test profile exempts from the outbound policy ({@code
 * notification.webhook.allowed-private-hosts}); 127.0.0.1 itself stays refused.
 */
final class WebhookReceiver implements AutoCloseable {

  record Call(
      String signature,
      String deliveryId,
      String body,
      int answeredWith,
      long receivedNanos,
      String hostHeader) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft;

  static final String ALLOWED_HOST = "127.0.0.2";

  private final String host;

  private WebhookReceiver(int failFirst, String host, String redirectTo) {
    this.failuresLeft = new AtomicInteger(failFirst);
    this.host = host;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = redirectTo != null ? 303 : failuresLeft.getAndDecrement() > 0 ? 500 : 204;
          calls.add(
              new Call(
                  exchange.getRequestHeaders().getFirst("X-JointAppeal-Signature"),
                  exchange.getRequestHeaders().getFirst("X-JointAppeal-Delivery"),
                  body,
                  status,
                  System.nanoTime(),
                  exchange.getRequestHeaders().getFirst("Host")));
          if (redirectTo != null) {
            exchange.getResponseHeaders().add("Location", redirectTo);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  static WebhookReceiver failingFirst(int failures) {
    return new WebhookReceiver(failures, ALLOWED_HOST, null);
  }

  /**
   * Answers every call with 303 See Other to {@code location}: the redirect a client following
   * redirects takes for a POST too (as a GET), e.g. to a cloud metadata address.
   */
  static WebhookReceiver redirectingTo(String location) {
    return new WebhookReceiver(0, ALLOWED_HOST, location);
  }

  /** Accepts everything, listening on {@code host} (e.g. 127.0.0.1, which the policy refuses). */
  static WebhookReceiver on(String host) {
    return new WebhookReceiver(0, host, null);
  }

  String url() {
    return "http://" + host + ":" + server.getAddress().getPort() + "/hook";
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
