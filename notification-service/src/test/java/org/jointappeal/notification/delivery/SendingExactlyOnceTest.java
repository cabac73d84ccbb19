package org.jointappeal.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointappeal.notification.Alerts.anAlert;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.Subscriptions;
import org.jointappeal.notification.TestClock;
import org.jointappeal.notification.dispatch.NotificationDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Senders racing for the same deliveries, as several instances would (plus this instance's own
 * background sender): the lease lets exactly one send each.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class SendingExactlyOnceTest {

  static final int RACERS = 4;

  @Inject TestClock clock;
  @Inject NotificationDispatcher dispatcher;
  @Inject DeliverySender sender;

  final ExecutorService pool = Executors.newFixedThreadPool(RACERS);
  WebhookReceiver receiver;

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void racingSendersSendEachDeliveryOnce() throws Exception {
    clock.reset();
    receiver = WebhookReceiver.failingFirst(0);
    for (int i = 0; i < 5; i++) {
      String appeal = uniqueAppealCode();
      Subscriptions.webhookForAppeal(receiver.url(), "race-secret-0123456789", appeal);
      anAlert(appeal).fire();
    }
    var stop = new AtomicBoolean();
    List<Future<?>> racers = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      racers.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  sender.drain();
                }
              }));
    }

    clock.set(TestClock.DEFAULT_NOW.plusSeconds(30));
    dispatcher.dispatchDue();

    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.calls().size() >= 5);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
    stop.set(true);
    for (Future<?> racer : racers) {
      racer.get(20, TimeUnit.SECONDS);
    }
    assertThat(receiver.calls()).hasSize(5);
    assertThat(receiver.calls())
        .extracting(WebhookReceiver.Call::deliveryId)
        .doesNotHaveDuplicates();
  }
}
