package org.jointappeal.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointappeal.notification.Alerts.anAlert;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jointappeal.notification.Alerts;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.Subscriptions;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alertmanager timing per subscription and group (the appeal): group wait 30 s, group interval 5
 * min, repeat interval 4 h (the defaults), driven by the TestClock.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class NotificationTimingTest {

  static final Instant T0 = TestClock.DEFAULT_NOW;

  @Inject TestClock clock;
  @Inject NotificationDispatcher dispatcher;

  String appeal;
  UUID subscription;

  @BeforeEach
  void freshGroup() {
    clock.reset();
    appeal = uniqueAppealCode();
    subscription = Subscriptions.emailForAppeal("finance@example.org", appeal);
  }

  private void dispatchAt(Instant at) {
    clock.set(at);
    dispatcher.dispatchDue();
  }

  private long deliveries() {
    return Db.count("select count(*) from delivery where subscription_id = ?", subscription);
  }

  private List<Object> notices(UUID alert) {
    return Db.column(
        """
        select transition || ':' || sequence from notification_log
        where subscription_id = ? and alert_id = ? order by notified_at, transition, sequence""",
        subscription,
        alert);
  }

  private String lastPayload() {
    List<Object> payloads =
        Db.column(
            """
            select payload from delivery where subscription_id = ?
            order by decided_at desc limit 1""",
            subscription);
    return (String) payloads.get(0);
  }

  @Test
  void aNewGroupWaitsTheGroupWaitThenNotifiesItsAlertsTogether() {
    UUID first = anAlert(appeal).label("level", "line").label("priority", "EMERGENCY").fire();
    UUID second =
        anAlert(appeal)
            .label("level", "line")
            .label("priority", "NON_EMERGENCY")
            .firingSince(T0.plusSeconds(10))
            .fire();

    dispatchAt(T0.plusSeconds(29));
    assertThat(deliveries()).isZero();

    dispatchAt(T0.plusSeconds(30));
    assertThat(deliveries()).isEqualTo(1);
    assertThat(notices(first)).containsExactly("FIRING:0");
    assertThat(notices(second)).containsExactly("FIRING:0");
    assertThat(lastPayload())
        .contains("\"status\":\"firing\"", "\"groupKey\":\"appeal=" + appeal + "\"")
        .contains(first.toString(), second.toString());
  }

  @Test
  void aChangeToANotifiedGroupWaitsForTheGroupInterval() {
    anAlert(appeal).fire();
    dispatchAt(T0.plusSeconds(30));
    UUID later = anAlert(appeal).label("level", "line").firingSince(T0.plusSeconds(60)).fire();

    dispatchAt(T0.plusSeconds(30).plus(Duration.ofMinutes(5)).minusSeconds(1));
    assertThat(deliveries()).isEqualTo(1);

    dispatchAt(T0.plusSeconds(30).plus(Duration.ofMinutes(5)));
    assertThat(deliveries()).isEqualTo(2);
    assertThat(notices(later)).containsExactly("FIRING:0");
  }

  @Test
  void alertsStillFiringAreRepeatedAfterTheRepeatInterval() {
    UUID alert = anAlert(appeal).fire();
    dispatchAt(T0.plusSeconds(30));

    dispatchAt(T0.plusSeconds(30).plus(Duration.ofHours(4)).minusSeconds(1));
    assertThat(deliveries()).isEqualTo(1);

    dispatchAt(T0.plusSeconds(30).plus(Duration.ofHours(4)));
    assertThat(deliveries()).isEqualTo(2);
    assertThat(notices(alert)).containsExactly("FIRING:0", "FIRING:1");
    assertThat(lastPayload()).contains("\"repeat\":true");

    dispatchAt(T0.plusSeconds(30).plus(Duration.ofHours(8)));
    assertThat(notices(alert)).containsExactly("FIRING:0", "FIRING:1", "FIRING:2");
  }

  @Test
  void aResolvedAlertIsNotifiedExactlyOnce() {
    UUID alert = anAlert(appeal).fire();
    dispatchAt(T0.plusSeconds(30));
    Alerts.resolve(alert, T0.plusSeconds(90));

    dispatchAt(T0.plus(Duration.ofMinutes(6)));
    dispatchAt(T0.plus(Duration.ofMinutes(20)));
    dispatchAt(T0.plus(Duration.ofHours(5)));

    assertThat(notices(alert)).containsExactly("FIRING:0", "RESOLVED:0");
    assertThat(deliveries()).isEqualTo(2);
    assertThat(lastPayload()).contains("\"status\":\"resolved\"");
  }

  @Test
  void anAlertResolvedBeforeItsGroupWasNotifiedIsNeverNotified() {
    UUID alert = anAlert(appeal).fire();
    Alerts.resolve(alert, T0.plusSeconds(10));

    dispatchAt(T0.plusSeconds(30));
    dispatchAt(T0.plus(Duration.ofHours(5)));

    assertThat(notices(alert)).isEmpty();
  }

  @Test
  void afterTheLastAlertResolvedANewAlertStartsANewGroupWithGroupWait() {
    UUID first = anAlert(appeal).fire();
    dispatchAt(T0.plusSeconds(30));
    Alerts.resolve(first, T0.plusSeconds(60));
    dispatchAt(T0.plus(Duration.ofMinutes(6)));
    Instant again = T0.plus(Duration.ofMinutes(7));
    UUID second = anAlert(appeal).label("level", "line").firingSince(again).fire();

    dispatchAt(again.plusSeconds(29));
    assertThat(notices(second)).isEmpty();

    dispatchAt(again.plusSeconds(30));
    assertThat(notices(second)).containsExactly("FIRING:0");
  }

  @Test
  void alertsOfOtherAppealsAreNotInTheGroupNorNotifiedToAnAppealFilter() {
    String otherAppeal = uniqueAppealCode();
    UUID other = anAlert(otherAppeal).fire();
    UUID own = anAlert(appeal).fire();

    dispatchAt(T0.plusSeconds(30));

    assertThat(notices(own)).containsExactly("FIRING:0");
    assertThat(notices(other)).isEmpty();
    assertThat(lastPayload()).doesNotContain(otherAppeal);
  }
}
