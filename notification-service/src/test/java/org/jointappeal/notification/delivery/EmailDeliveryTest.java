package org.jointappeal.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointappeal.notification.FundingEvents.aFundingChange;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jointappeal.localstack.MailServer.ReceivedMail;
import org.jointappeal.localstack.quarkus.MailTestResource;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.Subscriptions;
import org.jointappeal.notification.TestClock;
import org.jointappeal.notification.dispatch.NotificationDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mail over real SMTP (GreenMail): the funding-gap rule fires from a funding event, the dispatcher
 * decides, the sender mails; the test reads the recipient's mailbox.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class EmailDeliveryTest {

  static final Instant T0 = TestClock.DEFAULT_NOW;

  @Inject TestClock clock;
  @Inject NotificationDispatcher dispatcher;

  String appeal;
  String address;

  @BeforeEach
  void subscribe() {
    clock.reset();
    appeal = uniqueAppealCode();
    address = appeal.toLowerCase() + "@example.org";
    Subscriptions.emailForAppeal(address, appeal);
  }

  private List<ReceivedMail> awaitMails(int count) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> MailTestResource.mailbox(address), mails -> mails.size() >= count);
  }

  @Test
  void aFiringAlertIsMailedWithItsSummaryAndLink() {
    clock.set(T0);
    aFundingChange().forAppeal(appeal).atVersion(1).covered("30.00").publishAndAwait();
    String alertId =
        (String)
            Db.column("select cast(id as text) from alert where appeal_code = ?", appeal).get(0);

    clock.set(T0.plusSeconds(30));
    dispatcher.dispatchDue();

    ReceivedMail mail = awaitMails(1).get(0);
    assertThat(mail.to()).isEqualTo(address);
    assertThat(mail.from()).isEqualTo("alerts@jointappeal.org");
    assertThat(mail.subject()).isEqualTo("[FIRING:1] alerts of appeal=" + appeal);
    assertThat(mail.body())
        .contains("FIRING: " + appeal + ": 30 % funded (threshold 50 %)")
        .contains("rule=funding-gap")
        .contains("/alerts/" + alertId);
  }

  @Test
  void aResolvedAlertIsMailedOnceAsResolved() {
    clock.set(T0);
    aFundingChange().forAppeal(appeal).atVersion(1).covered("30.00").publishAndAwait();
    clock.set(T0.plusSeconds(30));
    dispatcher.dispatchDue();
    clock.set(T0.plusSeconds(60));
    aFundingChange().forAppeal(appeal).atVersion(2).covered("60.00").publishAndAwait();

    clock.set(T0.plus(Duration.ofMinutes(6)));
    dispatcher.dispatchDue();
    clock.set(T0.plus(Duration.ofHours(6)));
    dispatcher.dispatchDue();

    // two deliveries, each retried on its own: a retried FIRING mail may arrive after the RESOLVED
    List<ReceivedMail> mails = awaitMails(2);
    assertThat(mails)
        .extracting(ReceivedMail::subject)
        .containsExactlyInAnyOrder(
            "[FIRING:1] alerts of appeal=" + appeal, "[RESOLVED] alerts of appeal=" + appeal);
    assertThat(mails)
        .filteredOn(mail -> mail.subject().startsWith("[RESOLVED]"))
        .singleElement()
        .satisfies(
            mail -> assertThat(mail.body()).contains("RESOLVED: " + appeal + ": 60 % funded"));
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(3))
        .until(() -> MailTestResource.mailbox(address).size() == 2);
  }
}
