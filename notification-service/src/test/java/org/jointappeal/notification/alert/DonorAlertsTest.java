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
import org.jointappeal.notification.StackResource;
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
