package org.jointappeal.notification.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver that answers 200 at once and then trickles its body, one byte every 200 ms for
 * a minute: the headers arrive in time, the body never does. It notes when it began answering and
 * when the sender gave up on it (its next write fails).
 */
final class TricklingReceiver implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicLong firstStartedNanos = new AtomicLong();
  private final AtomicLong firstAbandonedNanos = new AtomicLong();

  TricklingReceiver() {
    try {
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByName(WebhookReceiver.ALLOWED_HOST), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          boolean first = calls.incrementAndGet() == 1;
          if (first) {
            firstStartedNanos.set(System.nanoTime());
          }
          exchange.sendResponseHeaders(200, 0); // chunked: the body is to come
          OutputStream body = exchange.getResponseBody();
          try {
            for (int i = 0; i < 300; i++) {
              body.write('.');
              body.flush();
              TimeUnit.MILLISECONDS.sleep(200);
            }
            body.close();
          } catch (IOException | InterruptedException e) {
            if (first) {
              firstAbandonedNanos.set(System.nanoTime());
            }
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  String url() {
    return "http://" + WebhookReceiver.ALLOWED_HOST + ":" + server.getAddress().getPort() + "/hook";
  }

  int calls() {
    return calls.get();
  }

  /** When the first call began being answered; 0 before. */
  long firstStartedNanos() {
    return firstStartedNanos.get();
  }

  /** When the sender dropped the first call; 0 while it still holds it. */
  long firstAbandonedNanos() {
    return firstAbandonedNanos.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
