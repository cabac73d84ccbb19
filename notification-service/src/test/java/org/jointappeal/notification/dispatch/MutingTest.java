package org.jointappeal.notification.dispatch;

import static io.restassured.RestAssured.given;
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

/** Inhibition (appeal-level gap mutes line-level gaps of the appeal) and silences. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class MutingTest {

  static final Instant T0 = TestClock.DEFAULT_NOW;

  @Inject TestClock clock;
  @Inject NotificationDispatcher dispatcher;

  String appeal;
  UUID subscription;

  @BeforeEach
  void freshGroup() {
    clock.reset();
    appeal = uniqueAppealCode();
    subscription = Subscriptions.emailForAppeal("manager@example.org", appeal);
  }

  private void dispatchAt(Instant at) {
    clock.set(at);
    dispatcher.dispatchDue();
  }

  private List<Object> notices(UUID alert) {
    return Db.column(
        """
        select transition || ':' || sequence from notification_log
        where subscription_id = ? and alert_id = ? order by notified_at, transition, sequence""",
        subscription,
        alert);
  }

  private UUID appealGap() {
    return anAlert(appeal).label("level", "appeal").fire();
  }

  private UUID lineGap() {
    return anAlert(appeal).label("level", "line").label("priority", "NON_EMERGENCY").fire();
  }

  @Test
  void anAppealLevelGapInhibitsTheLineLevelGapsOfItsAppeal() {
    UUID appealLevel = appealGap();
    UUID lineLevel = lineGap();

    dispatchAt(T0.plusSeconds(30));

    assertThat(notices(appealLevel)).containsExactly("FIRING:0");
    assertThat(notices(lineLevel)).isEmpty();
  }

  @Test
  void anAppealLevelGapOfAnotherAppealInhibitsNothing() {
    anAlert(uniqueAppealCode()).label("level", "appeal").fire();
    UUID lineLevel = lineGap();

    dispatchAt(T0.plusSeconds(30));

    assertThat(notices(lineLevel)).containsExactly("FIRING:0");
  }

  @Test
  void aLineLevelGapIsNotifiedOnceTheAppealLevelGapResolves() {
    UUID appealLevel = appealGap();
    UUID lineLevel = lineGap();
    dispatchAt(T0.plusSeconds(30));
    Alerts.resolve(appealLevel, T0.plusSeconds(60));

    dispatchAt(T0.plus(Duration.ofMinutes(6)));

    assertThat(notices(appealLevel)).containsExactly("FIRING:0", "RESOLVED:0");
    assertThat(notices(lineLevel)).containsExactly("FIRING:0");
  }

  @Test
  void aSilencedAlertIsNotNotifiedAndIsOnceTheSilenceExpires() {
    given()
        .contentType("application/json")
        .body(
            """
            {"matchers":[{"name":"appeal","value":"%s"}],"startsAt":"%s","endsAt":"%s",
             "comment":"revision under way"}"""
                .formatted(appeal, T0, T0.plus(Duration.ofHours(1))))
        .when()
        .post("/silences")
        .then()
        .statusCode(201);
    UUID alert = anAlert(appeal).fire();

    dispatchAt(T0.plusSeconds(30));
    dispatchAt(T0.plus(Duration.ofMinutes(59)));
    assertThat(notices(alert)).isEmpty();

    dispatchAt(T0.plus(Duration.ofHours(1)));
    assertThat(notices(alert)).containsExactly("FIRING:0");
  }
}
