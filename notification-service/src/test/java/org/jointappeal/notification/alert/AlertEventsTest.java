package org.jointappeal.notification.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jointappeal.notification.FundingEvents.aFundingChange;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jointappeal.notification.AlertEvents;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.FundingEvents;
import org.jointappeal.notification.KafkaTestClient;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each alert transition leaves once on alert-events, with the appeal as key and the alert as
 * subject, however often and in whatever order the funding events that caused it arrive.
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class AlertEventsTest {

  private static final Instant T1 = Instant.parse("1997-07-02T10:15:00Z");
  private static final Instant T2 = Instant.parse("1997-08-04T08:00:00Z");
  private static final Instant T3 = Instant.parse("1997-09-01T12:30:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TestClock clock;

  String appeal;

  @BeforeEach
  void freshAppeal() {
    clock.reset();
    appeal = uniqueAppealCode();
  }

  @Test
  void aGapFiresOnceAndResolvesOnceThroughDuplicatedAndReorderedEvents() throws Exception {
    clock.set(T1);
    String first = aFundingChange().forAppeal(appeal).atVersion(1).covered("30.00").publish();
    aFundingChange().forAppeal(appeal).atVersion(1).covered("30.00").publishAs(first);
    FundingEvents.awaitApplied(first);
    clock.set(T2);
    aFundingChange().forAppeal(appeal).atVersion(3).covered("60.00").publishAndAwait();
    // late and repeated: version 2 (still in a gap) and version 1 again, under new ids
    aFundingChange().forAppeal(appeal).atVersion(2).covered("20.00").publishAndAwait();
    aFundingChange().forAppeal(appeal).atVersion(1).covered("30.00").publishAndAwait();
    clock.set(T3);
    aFundingChange().forAppeal(appeal).atVersion(3).covered("60.00").publishAndAwait();

    String alertId = onlyAlertOfAppeal();
    var records = AlertEvents.readUntil(AlertEvents.RESOLVED, alertId);
    var aboutIt = records.stream().filter(r -> AlertEvents.isAbout(r, alertId)).toList();
    assertThat(aboutIt)
        .extracting(r -> KafkaTestClient.header(r, "ce_type"))
        .containsExactly(AlertEvents.FIRING, AlertEvents.RESOLVED);
    assertThat(aboutIt).extracting(r -> r.key()).containsOnly(appeal);
    assertThat(aboutIt)
        .extracting(r -> KafkaTestClient.header(r, "ce_source"))
        .containsOnly("urn:jointappeal:notification-service");
    var resolved = JSON.readTree(aboutIt.get(1).value());
    assertThat(resolved.at("/alert/startsAt").asText()).isEqualTo(T1.toString());
    assertThat(resolved.at("/alert/endsAt").asText()).isEqualTo(T2.toString());
    assertThat(resolved.at("/alert/coveragePercent").asText()).isEqualTo("60.00");
    assertThat(Db.count("select count(*) from outbox_event where subject = ?", alertId))
        .as("outbox rows of the alert")
        .isEqualTo(2);
  }

  @Test
  void aFurtherLowCoverageAnnotatesWithoutPublishing() {
    clock.set(T1);
    aFundingChange().forAppeal(appeal).atVersion(1).covered("30.00").publishAndAwait();
    aFundingChange().forAppeal(appeal).atVersion(2).covered("20.00").publishAndAwait();

    String alertId = onlyAlertOfAppeal();
    assertThat(Db.count("select count(*) from outbox_event where subject = ?", alertId))
        .isEqualTo(1);
  }

  private String onlyAlertOfAppeal() {
    var ids =
        given()
            .queryParam("appealCode", appeal)
            .queryParam("rule", "funding-gap")
            .when()
            .get("/alerts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id", String.class);
    assertThat(ids).hasSize(1);
    return UUID.fromString(ids.get(0)).toString();
  }
}
