package org.jointappeal.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointappeal.notification.Alerts.anAlert;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jointappeal.notification.Alerts;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.Subscriptions;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dispatchers racing on one database, as several instances would: every alert transition is
 * notified exactly once per subscription.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class ExactlyOnceTest {

  static final Instant T0 = TestClock.DEFAULT_NOW;
  static final int RACERS = 4;

  @Inject TestClock clock;
  @Inject NotificationDispatcher dispatcher;

  ExecutorService pool;

  @BeforeEach
  void setUp() {
    clock.reset();
    pool = Executors.newFixedThreadPool(RACERS);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** All racers start together and each runs a whole dispatch. */
  private void raceAt(Instant at) throws Exception {
    clock.set(at);
    var start = new CountDownLatch(1);
    List<Future<Integer>> runs = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      runs.add(
          pool.submit(
              () -> {
                start.await();
                return dispatcher.dispatchDue();
              }));
    }
    start.countDown();
    for (Future<Integer> run : runs) {
      run.get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void racingDispatchersNotifyEachTransitionOncePerSubscription() throws Exception {
    List<String> appeals = List.of(uniqueAppealCode(), uniqueAppealCode(), uniqueAppealCode());
    List<UUID> subscriptions = new ArrayList<>();
    List<UUID> alerts = new ArrayList<>();
    for (String appeal : appeals) {
      subscriptions.add(Subscriptions.emailForAppeal("a@example.org", appeal));
      subscriptions.add(Subscriptions.emailForAppeal("b@example.org", appeal));
      alerts.add(anAlert(appeal).label("level", "line").label("priority", "EMERGENCY").fire());
      alerts.add(anAlert(appeal).label("level", "line").label("priority", "NON_EMERGENCY").fire());
    }

    raceAt(T0.plusSeconds(30));
    alerts.forEach(a -> Alerts.resolve(a, T0.plusSeconds(60)));
    raceAt(T0.plus(Duration.ofMinutes(6)));

    for (UUID subscription : subscriptions) {
      assertThat(Db.count("select count(*) from delivery where subscription_id = ?", subscription))
          .as("one firing and one resolved notification per subscription")
          .isEqualTo(2);
      assertThat(
              Db.column(
                  """
                  select transition || ':' || sequence from notification_log
                  where subscription_id = ? order by transition""",
                  subscription))
          .containsExactly("FIRING:0", "FIRING:0", "RESOLVED:0", "RESOLVED:0");
    }
  }
}
