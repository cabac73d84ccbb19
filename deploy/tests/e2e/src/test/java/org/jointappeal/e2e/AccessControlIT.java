package org.jointappeal.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.time.Duration;
import org.jointappeal.localstack.Platform;
import org.jointappeal.localstack.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may do what, checked from the outside with real Keycloak tokens. */
class AccessControlIT {

  static String appeal;
  static String swedensPledge;

  @BeforeAll
  static void aLaunchedAppealWithASwedishPledge() {
    appeal = Api.uniqueAppealCode();
    Api.createAndLaunch(appeal);
    String body = Api.pledge(appeal, "SWE", "1000.00", "USD");
    String[] id = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              var response = Api.as("donor-swe", "pledge-service").body(body).post("/pledges");
              id[0] = response.statusCode() == 201 ? response.path("id") : null;
              return id[0] != null;
            });
    swedensPledge = id[0];
  }

  @Test
  void anonymousCallersAreUnauthorizedEverywhere() {
    Api.anonymous("appeal-service").get("/appeals/" + appeal).then().statusCode(401);
    Api.anonymous("pledge-service").get("/pledges/" + swedensPledge).then().statusCode(401);
    Api.anonymous("notification-service").get("/alerts").then().statusCode(401);
  }

  @Test
  void aDonorCannotCreateAnAppeal() {
    Api.as("donor-nor", "appeal-service")
        .body(Api.appeal(Api.uniqueAppealCode()))
        .post("/appeals")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void aDonorReadsOnlyAlertsAboutItsOwnPledges() {
    // funding-gap alerts carry no donor label: Norway sees none of them
    Api.as("donor-nor", "notification-service")
        .get("/alerts")
        .then()
        .statusCode(200)
        .body("labels.donor", everyItem(equalTo("NOR")));
  }

  @Test
  void norwayCannotAnnounceAPledgeForSweden() {
    Api.as("donor-nor", "pledge-service")
        .body(Api.pledge(appeal, "SWE", "1000.00", "USD"))
        .post("/pledges")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void norwayCannotReadSwedensPledge() {
    Api.as("donor-nor", "pledge-service")
        .get("/pledges/" + swedensPledge)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void swedenReadsItsOwnPledge() {
    Api.as("donor-swe", "pledge-service")
        .get("/pledges/" + swedensPledge)
        .then()
        .statusCode(200)
        .body("donorCode", equalTo("SWE"));
  }

  @Test
  void aTokenFromAnotherRealmIsRejected() {
    Platform platform = RunningPlatform.get();
    String stranger =
        Tokens.forRealm(platform.keycloak().baseUrl(), "other-realm").password("stranger", "demo");
    io.restassured.RestAssured.given()
        .baseUri(RunningPlatform.url("pledge-service"))
        .auth()
        .oauth2(stranger)
        .get("/pledges/" + swedensPledge)
        .then()
        .statusCode(401);
  }

  @Test
  void aForgedTokenIsRejected() {
    String real = RunningPlatform.token("donor-swe");
    String forged = real.substring(0, real.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
    io.restassured.RestAssured.given()
        .baseUri(RunningPlatform.url("pledge-service"))
        .auth()
        .oauth2(forged)
        .get("/pledges/" + swedensPledge)
        .then()
        .statusCode(401);
  }
}
