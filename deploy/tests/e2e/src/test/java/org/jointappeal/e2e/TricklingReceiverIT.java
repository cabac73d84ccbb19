package org.jointappeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jointappeal.localstack.MailServer;
import org.jointappeal.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #20, acceptance 1: a webhook receiver that answers 200 at once and then trickles its body,
 * one byte every 3 s for two minutes, holds only its own delivery. While it is being answered,
 * other subscribers' webhooks and mails arrive within their normal time, and every notification
 * reaches its receiver exactly once, with two notification-service instances claiming deliveries
 * from the same database.
 *
 * <p>The packaged service's defaults apply: a 10 s deadline per attempt (connect, headers and
 * body), backoff from 10 s. Without the whole-attempt deadline the trickle would hold the sender
 * for two minutes per attempt.
 */
class TricklingReceiverIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int OTHER_APPEALS = 4;

  /** What "normal time" means here: launch → alert → group wait → dispatch → send, loaded. */
  private static final Duration NORMAL = Duration.ofSeconds(40);

  private static ServiceProcess second;
  private static HttpServer trickling;
  private static HttpServer receiver;
  private static final AtomicInteger tricklingOpen = new AtomicInteger();
  private static final AtomicInteger tricklingMaxOpenPerDelivery = new AtomicInteger();
  private static final Map<String, AtomicInteger> tricklingOpenPerDelivery =
      new ConcurrentHashMap<>();
  private static final List<String> tricklingDeliveries = new CopyOnWriteArrayList<>();
  private static final List<Received> webhooks = new CopyOnWriteArrayList<>();

  record Received(long nanos, JsonNode body) {}

  @BeforeAll
  static void secondInstanceAndReceivers() throws IOException {
    var platform = RunningPlatform.get();
    second =
        platform.startExtraInstance(
            "notification-service",
            Path.of("target", "e2e-logs").toAbsolutePath(),
            Duration.ofMinutes(3));
    trickling = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    trickling.setExecutor(Executors.newCachedThreadPool());
    trickling.createContext(
        "/trickle",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String delivery = JSON.readTree(body).path("deliveryId").asText();
          tricklingDeliveries.add(delivery);
          int concurrent =
              tricklingOpenPerDelivery
                  .computeIfAbsent(delivery, d -> new AtomicInteger())
                  .incrementAndGet();
          tricklingMaxOpenPerDelivery.accumulateAndGet(concurrent, Math::max);
          tricklingOpen.incrementAndGet();
          try {
            exchange.sendResponseHeaders(200, 0); // chunked: the body is to come
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 40; i++) {
              out.write('.');
              out.flush();
              TimeUnit.SECONDS.sleep(3);
            }
            out.close();
          } catch (IOException | InterruptedException e) {
            // the sender gave up at its deadline and closed the connection
          } finally {
            tricklingOpen.decrementAndGet();
            tricklingOpenPerDelivery.get(delivery).decrementAndGet();
            exchange.close();
          }
        });
    trickling.start();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          webhooks.add(new Received(System.nanoTime(), JSON.readTree(body)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (trickling != null) {
      trickling.stop(0);
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void aTricklingReceiverDelaysNoOtherSubscriberAndNothingIsSentTwice() throws Exception {
    // the trickling receiver: a manager's webhook for one appeal's funding gap
    String slowAppeal = Api.uniqueAppealCode();
    subscribe(
        "manager",
        """
        {"channel":"WEBHOOK","webhookUrl":"http://127.0.0.1:%d/trickle",
         "webhookSecret":"trickling-secret-0123","appealCode":"%s","rule":"funding-gap"}"""
            .formatted(trickling.getAddress().getPort(), slowAppeal));
    Api.createAndLaunch(slowAppeal); // nothing pledged: the funding gap fires
    await().atMost(Duration.ofSeconds(90)).until(() -> tricklingOpen.get() > 0);

    // while it is held, a finance officer's webhook and mail for other appeals
    List<String> appeals = new ArrayList<>();
    Map<String, Long> launchedNanos = new ConcurrentHashMap<>();
    for (int i = 0; i < OTHER_APPEALS; i++) {
      String appeal = Api.uniqueAppealCode();
      appeals.add(appeal);
      subscribe(
          "finance",
          """
          {"channel":"WEBHOOK","webhookUrl":"http://127.0.0.1:%d/hook",
           "webhookSecret":"receiver-secret-0123","appealCode":"%s","rule":"funding-gap"}"""
              .formatted(receiver.getAddress().getPort(), appeal));
      subscribe(
          "finance",
          "{\"channel\":\"EMAIL\",\"emailAddress\":\"%s\",\"appealCode\":\"%s\",\"rule\":\"funding-gap\"}"
              .formatted(mailbox(appeal), appeal));
    }
    for (String appeal : appeals) {
      launchedNanos.put(appeal, System.nanoTime());
      Api.createAndLaunch(appeal);
    }

    Map<String, Long> mailArrived = new ConcurrentHashMap<>();
    await()
        .atMost(NORMAL.plusSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (String appeal : appeals) {
                if (!mailArrived.containsKey(appeal) && !mails(appeal).isEmpty()) {
                  mailArrived.put(appeal, System.nanoTime());
                }
              }
              return mailArrived.size() == appeals.size()
                  && appeals.stream().allMatch(a -> !firstNotices(a).isEmpty());
            });
    for (String appeal : appeals) {
      long webhookMillis =
          (firstNotices(appeal).get(0).nanos() - launchedNanos.get(appeal)) / 1_000_000;
      long mailMillis = (mailArrived.get(appeal) - launchedNanos.get(appeal)) / 1_000_000;
      System.out.printf(
          "[trickling] %s: webhook after %d ms, mail after %d ms (trickling attempts so far %d)%n",
          appeal, webhookMillis, mailMillis, tricklingDeliveries.size());
      assertThat(webhookMillis).as("webhook of %s", appeal).isLessThan(NORMAL.toMillis());
      assertThat(mailMillis).as("mail of %s", appeal).isLessThan(NORMAL.toMillis());
    }
    // the trickle lasts two minutes; had a sender waited for it, nothing above would have arrived
    assertThat(tricklingDeliveries).isNotEmpty();

    // a while later (several dispatch and sweep rounds of both instances): still exactly once
    TimeUnit.SECONDS.sleep(15);
    for (String appeal : appeals) {
      assertThat(firstNotices(appeal)).as("webhook notices of %s", appeal).hasSize(1);
      assertThat(mails(appeal)).as("mails to %s", mailbox(appeal)).hasSize(1);
    }
    List<String> deliveryIds =
        webhooks.stream().map(r -> r.body().path("deliveryId").asText()).toList();
    assertThat(deliveryIds).as("deliveries at the receiver").doesNotHaveDuplicates();
    // the trickling delivery is retried after each deadline, never by both instances at once
    assertThat(tricklingMaxOpenPerDelivery.get())
        .as("attempts of one delivery open at the same time")
        .isEqualTo(1);
  }

  private static void subscribe(String user, String body) {
    Api.as(user, "notification-service").body(body).post("/subscriptions").then().statusCode(201);
  }

  private static String mailbox(String appeal) {
    return "trickle-" + appeal.toLowerCase() + "@example.org";
  }

  private static List<MailServer.ReceivedMail> mails(String appeal) {
    var mail = RunningPlatform.get().mail();
    return MailServer.fetch(mail.host(), mail.pop3Port(), mailbox(appeal));
  }

  /** The receiver's first (non-repeat) notices that name the appeal's firing funding gap. */
  private static List<Received> firstNotices(String appeal) {
    List<Received> found = new ArrayList<>();
    for (Received received : webhooks) {
      if (received.body().path("repeat").asBoolean()) {
        continue;
      }
      for (JsonNode alert : received.body().path("alerts")) {
        if (appeal.equals(alert.path("labels").path("appeal").asText())
            && "firing".equals(alert.path("status").asText())) {
          found.add(received);
          break;
        }
      }
    }
    return found;
  }
}
