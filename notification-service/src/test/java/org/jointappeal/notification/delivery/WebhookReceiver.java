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

/** A small HTTP receiver on a free loopback port that fails the first N calls with 500. */
final class WebhookReceiver implements AutoCloseable {

  record Call(String signature, String deliveryId, String body, int answeredWith) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft;

  private WebhookReceiver(int failFirst) {
    this.failuresLeft = new AtomicInteger(failFirst);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
          calls.add(
              new Call(
                  exchange.getRequestHeaders().getFirst("X-JointAppeal-Signature"),
                  exchange.getRequestHeaders().getFirst("X-JointAppeal-Delivery"),
                  body,
                  status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  static WebhookReceiver failingFirst(int failures) {
    return new WebhookReceiver(failures);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
