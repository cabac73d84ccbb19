package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.jointappeal.notification.Alerts.anAlert;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.util.UUID;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.Subscriptions;
import org.junit.jupiter.api.Test;

/** A donor reads only the alerts about its own pledges (labelled donor=<its code>). */
@QuarkusTest
@StackResource
@TestSecurity(user = "donor-nor", roles = "donor")
@OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
class DonorAlertsTest {

  @Test
  void aDonorReadsAnAlertAboutItsOwnPledge() {
    UUID own =
        anAlert(uniqueAppealCode()).label("kind", "pledge-cancelled").label("donor", "NOR").fire();

    given()
        .when()
        .get("/alerts/{id}", own)
        .then()
        .statusCode(200)
        .body("labels.donor", equalTo("NOR"))
        .body("notifications.size()", equalTo(0));
  }

  /** A delivery of the alert to the subscription, already settled (no sender touches it). */
  private static void notified(UUID alert, UUID subscription, String status, Integer code) {
    UUID delivery = UUID.randomUUID();
    Db.update(
        """
        insert into delivery (id, subscription_id, group_key, channel, status, payload, decided_at,
                              attempts, last_status_code)
        values (?, ?, 'appeal=X', 'WEBHOOK', ?, '{}', now(), 1, ?)""",
        delivery,
        subscription,
        status,
        code);
    Db.update(
        """
        insert into notification_log (subscription_id, alert_id, transition, sequence,
                                      delivery_id, notified_at)
        values (?, ?, 'FIRING', 0, ?, now())""",
        subscription,
        alert,
        delivery);
  }

  @Test
  void aDonorReadsOnlyItsOwnSubscriptionsDeliveriesOfAnAlert() {
    UUID own =
        anAlert(uniqueAppealCode()).label("kind", "pledge-cancelled").label("donor", "NOR").fire();
    UUID mine = Subscriptions.create("{\"channel\":\"EMAIL\",\"emailAddress\":\"mfa@example.no\"}");
    UUID staffs = UUID.randomUUID();
    Db.update(
        """
        insert into subscription (id, subscriber, channel, webhook_url, webhook_secret,
                                  appeal_code, created_at, version)
        values (?, 'finance', 'WEBHOOK', 'https://ops.example.org/hook', 'staff-secret-0123456789',
                'NO-DISPATCH', now(), 0)""",
        staffs);
    notified(own, mine, "SENT", null);
    notified(own, staffs, "FAILED", 503);

    String body =
        given()
            .when()
            .get("/alerts/{id}", own)
            .then()
            .statusCode(200)
            .body("notifications.size()", equalTo(1))
            .body("notifications[0].subscriptionId", equalTo(mine.toString()))
            .extract()
            .asString();
    org.assertj.core.api.Assertions.assertThat(body)
        .doesNotContain(staffs.toString())
        // the staff delivery's status code, as a value: a bare "503" may occur inside a random UUID
        .doesNotContain("\"lastStatusCode\":503");
  }

  @Test
  void anotherDonorsAlertReadsAsMissing() {
    UUID other =
        anAlert(uniqueAppealCode()).label("kind", "pledge-cancelled").label("donor", "SWE").fire();

    given().when().get("/alerts/{id}", other).then().statusCode(404);
  }

  @Test
  void anAlertAboutNoDonorReadsAsMissing() {
    UUID gap = anAlert(uniqueAppealCode()).label("level", "appeal").fire();

    given().when().get("/alerts/{id}", gap).then().statusCode(404);
  }

  @Test
  void theListShowsADonorOnlyItsOwnAlerts() {
    String appeal = uniqueAppealCode();
    UUID own = anAlert(appeal).label("kind", "large-pledge").label("donor", "NOR").fire();
    UUID other = anAlert(appeal).label("kind", "large-pledge").label("donor", "SWE").fire();
    anAlert(appeal).label("level", "appeal").fire();

    given()
        .queryParam("appealCode", appeal)
        .when()
        .get("/alerts")
        .then()
        .statusCode(200)
        .body("id", hasItem(own.toString()))
        .body("id", not(hasItem(other.toString())))
        .body("labels.donor", everyItem(equalTo("NOR")));
  }
}
