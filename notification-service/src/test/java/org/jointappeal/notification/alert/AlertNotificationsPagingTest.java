package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.jointappeal.notification.Alerts.anAlert;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.Pages;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.Subscriptions;
import org.junit.jupiter.api.Test;

/**
 * An alert's notification log is a list of its own, paged in SQL: GET /alerts/{id} shows its first
 * page and where it goes on; GET /alerts/{id}/notifications pages through all of it.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class AlertNotificationsPagingTest {

  private static final Instant T0 = Instant.parse("1997-11-03T08:00:00Z");

  /** One notice of the alert to the subscription, its delivery settled (no sender takes it). */
  private static void notified(
      UUID alert, UUID subscription, String transition, int sequence, Instant at) {
    UUID delivery = UUID.randomUUID();
    Db.update(
        """
        insert into delivery (id, subscription_id, group_key, channel, status, payload, decided_at,
                              attempts, last_status_code)
        values (?, ?, 'appeal=X', 'WEBHOOK', 'SENT', '{}', now(), 1, 204)""",
        delivery,
        subscription);
    Db.update(
        """
        insert into notification_log (subscription_id, alert_id, transition, sequence,
                                      delivery_id, notified_at)
        values (?, ?, ?, ?, ?, ?)""",
        subscription,
        alert,
        transition,
        sequence,
        delivery,
        Timestamp.from(at));
  }

  /** {@code count} repeats (sequence 0, 1, ...) a second apart, in two statements. */
  private static void repeated(UUID alert, UUID subscription, int count) {
    Db.update(
        """
        insert into delivery (id, subscription_id, group_key, channel, status, payload, decided_at,
                              attempts)
        select md5(cast(? as text) || n)::uuid, ?, 'appeal=X', 'EMAIL', 'SENT', '{}', now(), 1
        from generate_series(0, ? - 1) n""",
        alert,
        subscription,
        count);
    Db.update(
        """
        insert into notification_log (subscription_id, alert_id, transition, sequence,
                                      delivery_id, notified_at)
        select ?, ?, 'FIRING', n, md5(cast(? as text) || n)::uuid,
               cast(? as timestamptz) + n * interval '1 second'
        from generate_series(0, ? - 1) n""",
        subscription,
        alert,
        alert,
        T0.toString(),
        count);
  }

  private static String entry(Map<String, Object> e) {
    return e.get("subscriptionId") + " " + e.get("transition") + " " + e.get("sequence");
  }

  @Test
  void theLogComesOncePageByPageOldestFirstTiesBrokenInSql() {
    UUID alert = anAlert(uniqueAppealCode()).fire();
    // two subscriptions notified at the same instant: transition, sequence, then subscription
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    notified(alert, a, "RESOLVED", 0, T0.plusSeconds(60));
    notified(alert, b, "FIRING", 0, T0);
    notified(alert, a, "FIRING", 0, T0);
    notified(alert, b, "RESOLVED", 0, T0.plusSeconds(60));
    notified(alert, a, "FIRING", 1, T0.plusSeconds(30));
    var sorted = Stream.of(a, b).map(UUID::toString).sorted().toList(); // uuid order in SQL
    String first = sorted.get(0);
    String second = sorted.get(1);

    List<List<Map<String, Object>>> pages =
        Pages.all("/alerts/" + alert + "/notifications?limit=2", "$");

    assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
    assertThat(Pages.flat(pages).stream().map(AlertNotificationsPagingTest::entry))
        .containsExactly(
            first + " FIRING 0",
            second + " FIRING 0",
            a + " FIRING 1",
            first + " RESOLVED 0",
            second + " RESOLVED 0");
  }

  @Test
  void theAlertShowsTheFirstHundredEntriesAndWhereTheLogGoesOn() {
    UUID alert = anAlert(uniqueAppealCode()).fire();
    UUID subscription = UUID.randomUUID();
    repeated(alert, subscription, 101);

    var detail = given().when().get("/alerts/{id}", alert).then().statusCode(200).extract();
    List<Integer> shown = detail.path("notifications.sequence");
    String next = detail.path("notificationsNext");

    assertThat(shown).hasSize(100).isSorted().startsWith(0).endsWith(99);
    assertThat(next).contains("/alerts/" + alert + "/notifications?cursor=");
    var rest = given().when().get(URI.create(next)).then().statusCode(200).extract();
    assertThat(rest.<List<Integer>>path("sequence")).containsExactly(100);
    assertThat(rest.header("Link")).isNull();
  }

  @Test
  void anAlertWhoseLogFitsSaysNoMore() {
    UUID alert = anAlert(uniqueAppealCode()).fire();
    repeated(alert, UUID.randomUUID(), 100);

    given()
        .when()
        .get("/alerts/{id}", alert)
        .then()
        .statusCode(200)
        .body("notifications.size()", org.hamcrest.Matchers.equalTo(100))
        .body("$", not(hasKey("notificationsNext")));
  }

  @Test
  @TestSecurity(user = "donor-nor-pager", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorPagesOnlyItsOwnSubscriptionsEntries() {
    UUID alert =
        anAlert(uniqueAppealCode()).label("kind", "pledge-cancelled").label("donor", "NOR").fire();
    // narrowed to an appeal that never has alerts: no dispatcher adds to the log meanwhile
    UUID mine =
        Subscriptions.create(
            """
            {"channel":"EMAIL","emailAddress":"mfa@example.no","appealCode":"NO-DISPATCH"}""");
    UUID staffs = UUID.randomUUID();
    Db.update(
        """
        insert into subscription (id, subscriber, channel, email_address, appeal_code, created_at,
                                  version)
        values (?, 'finance', 'EMAIL', 'ops@example.org', 'NO-DISPATCH', now(), 0)""",
        staffs);
    notified(alert, staffs, "FIRING", 0, T0);
    notified(alert, mine, "FIRING", 0, T0.plusSeconds(1));
    notified(alert, staffs, "FIRING", 1, T0.plusSeconds(2));
    notified(alert, mine, "FIRING", 1, T0.plusSeconds(3));

    List<List<Map<String, Object>>> pages =
        Pages.all("/alerts/" + alert + "/notifications?limit=1", "$");

    assertThat(Pages.flat(pages).stream().map(AlertNotificationsPagingTest::entry))
        .containsExactly(mine + " FIRING 0", mine + " FIRING 1");
  }

  @Test
  @TestSecurity(user = "donor-nor-pager", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void anotherDonorsAlertsLogReadsAsMissing() {
    UUID other =
        anAlert(uniqueAppealCode()).label("kind", "pledge-cancelled").label("donor", "SWE").fire();

    given()
        .when()
        .get("/alerts/{id}/notifications", other)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void theLogOfAnUnknownAlertIsNotFound() {
    given()
        .when()
        .get("/alerts/{id}/notifications", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aLimitOutOfRangeOrACursorNotOursIsRefused() {
    UUID alert = anAlert(uniqueAppealCode()).fire();
    for (String limit : List.of("0", "1001", "x")) {
      given()
          .queryParam("limit", limit)
          .when()
          .get("/alerts/{id}/notifications", alert)
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
    // not base64url; NUL bytes (no instant); an instant alone (the tie-breakers missing)
    for (String cursor : List.of("@@@", "AAAA", "MTk5Ny0xMS0wM1QwODowMDowMFo")) {
      given()
          .queryParam("cursor", cursor)
          .when()
          .get("/alerts/{id}/notifications", alert)
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-page-request"));
    }
  }
}
