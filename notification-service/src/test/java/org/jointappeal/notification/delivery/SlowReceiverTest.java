package org.jointappeal.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointappeal.notification.Alerts.anAlert;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jointappeal.localstack.quarkus.MailTestResource;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.Subscriptions;
import org.jointappeal.notification.TestClock;
import org.jointappeal.notification.dispatch.NotificationDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver that answers 200 and trickles its body holds only its own deliveries: another
 * subscriber's webhook and mail arrive while it is being answered, and its own attempt ends at the
 * request deadline (test profile: 15 s), with the connection closed.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class SlowReceiverTest {

  static final String SECRET = "slow-secret-0123456789";

  @Inject TestClock clock;
  @Inject NotificationDispatcher dispatcher;

  TricklingReceiver trickling;
  WebhookReceiver receiver;
  UUID tricklingSubscription;

  @BeforeEach
  void setUp() {
    clock.reset();
  }

  @AfterEach
  void tearDown() {
    if (tricklingSubscription != null) {
      io.restassured.RestAssured.when().delete("/subscriptions/" + tricklingSubscription);
    }
    if (trickling != null) {
      trickling.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void aTricklingReceiverDelaysNeitherAnotherWebhookNorMail() {
    String slowAppeal = uniqueAppealCode();
    trickling = new TricklingReceiver();
    tricklingSubscription = Subscriptions.webhookForAppeal(trickling.url(), SECRET, slowAppeal);
    anAlert(slowAppeal).fire();
    clock.set(TestClock.DEFAULT_NOW.plusSeconds(30));
    dispatcher.dispatchDue();
    await().atMost(Duration.ofSeconds(30)).until(() -> trickling.calls() == 1);

    // while the trickling receiver holds its delivery, another subscriber's alert is notified
    String appeal = uniqueAppealCode();
    String address = appeal.toLowerCase() + "@example.org";
    receiver = WebhookReceiver.failingFirst(0);
    Subscriptions.webhookForAppeal(receiver.url(), SECRET, appeal);
    Subscriptions.emailForAppeal(address, appeal);
    anAlert(appeal).firingSince(TestClock.DEFAULT_NOW.plusSeconds(30)).fire();
    clock.set(TestClock.DEFAULT_NOW.plusSeconds(60));
    dispatcher.dispatchDue();

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls().size() == 1);
    long webhookArrived = receiver.calls().get(0).receivedNanos();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> MailTestResource.mailbox(address), mails -> mails.size() == 1);
    long mailArrived = System.nanoTime();
    long abandoned = trickling.firstAbandonedNanos();
    assertThat(abandoned == 0 || webhookArrived < abandoned)
        .as("the other webhook arrived while the trickling receiver was still being answered")
        .isTrue();
    assertThat(abandoned == 0 || mailArrived < abandoned)
        .as("the mail arrived while the trickling receiver was still being answered")
        .isTrue();
  }

  @Test
  void anAnswerWhoseBodyNeverEndsFailsAtTheDeadline() {
    String appeal = uniqueAppealCode();
    trickling = new TricklingReceiver();
    tricklingSubscription = Subscriptions.webhookForAppeal(trickling.url(), SECRET, appeal);
    anAlert(appeal).fire();
    clock.set(TestClock.DEFAULT_NOW.plusSeconds(30));
    dispatcher.dispatchDue();

    await().atMost(Duration.ofSeconds(60)).until(() -> trickling.firstAbandonedNanos() != 0);
    long heldMillis = (trickling.firstAbandonedNanos() - trickling.firstStartedNanos()) / 1_000_000;
    assertThat(heldMillis).isLessThan(40_000); // the 15 s deadline, not the 60 s trickle
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Db.count(
                        """
                        select count(*) from delivery_attempt a
                        join delivery d on d.id = a.delivery_id
                        where d.subscription_id = ? and a.error like 'no complete answer within%'""",
                        tricklingSubscription)
                    >= 1);
  }
}
