package org.jointappeal.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.jointappeal.notification.Alerts.anAlert;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jointappeal.notification.Db;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.Subscriptions;
import org.jointappeal.notification.TestClock;
import org.jointappeal.notification.dispatch.NotificationDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks: signed JSON, retried with backoff until the receiver accepts (test: 4 attempts). */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class WebhookDeliveryTest {

  static final Instant T0 = TestClock.DEFAULT_NOW;
  static final String SECRET = "test-secret-0123456789";

  @Inject TestClock clock;
  @Inject NotificationDispatcher dispatcher;
  @Inject ObjectMapper json;

  String appeal;
  WebhookReceiver receiver;

  @BeforeEach
  void setUp() {
    clock.reset();
    appeal = uniqueAppealCode();
  }

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.close();
    }
  }

  private UUID fireAndDispatch() {
    UUID alert = anAlert(appeal).label("level", "appeal").fire();
    clock.set(T0.plusSeconds(30));
    dispatcher.dispatchDue();
    return alert;
  }

  /** The recipe of docs/alerts.md, written independently of the service's code. */
  private static boolean signatureValid(String header, String body) throws Exception {
    String t = header.replaceAll("^t=(\\d+),v1=[0-9a-f]+$", "$1");
    String v1 = header.replaceAll("^t=\\d+,v1=([0-9a-f]+)$", "$1");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t));
    return expected.equals(v1) && age < 300;
  }

  @Test
  void theWebhookReceivesASignedAlertmanagerLikeBody() throws Exception {
    receiver = WebhookReceiver.failingFirst(0);
    Subscriptions.webhookForAppeal(receiver.url(), SECRET, appeal);

    UUID alert = fireAndDispatch();

    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.calls().size() == 1);
    var call = receiver.calls().get(0);
    assertThat(signatureValid(call.signature(), call.body())).isTrue();
    assertThat(signatureValid(call.signature(), call.body().replace("firing", "FIRING"))).isFalse();
    JsonNode body = json.readTree(call.body());
    assertThat(body.path("status").asText()).isEqualTo("firing");
    assertThat(body.path("groupKey").asText()).isEqualTo("appeal=" + appeal);
    assertThat(body.path("deliveryId").asText()).isEqualTo(call.deliveryId());
    JsonNode first = body.path("alerts").get(0);
    assertThat(first.path("id").asText()).isEqualTo(alert.toString());
    assertThat(first.path("labels").path("level").asText()).isEqualTo("appeal");
    assertThat(first.path("annotations").path("summary").asText()).contains("30.00%");
    assertThat(first.path("startsAt").asText()).isEqualTo(T0.toString());
  }

  @Test
  void aFailingReceiverIsRetriedWithBackoffUntilItAccepts() {
    receiver = WebhookReceiver.failingFirst(2);
    Subscriptions.webhookForAppeal(receiver.url(), SECRET, appeal);

    UUID alert = fireAndDispatch();

    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.calls().size() == 3);
    assertThat(receiver.calls())
        .extracting(WebhookReceiver.Call::answeredWith)
        .containsExactly(500, 500, 204);
    assertThat(receiver.calls())
        .extracting(WebhookReceiver.Call::body)
        .containsOnly(receiver.calls().get(0).body());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .when()
                    .get("/alerts/{id}", alert)
                    .then()
                    .statusCode(200)
                    .body("notifications", hasSize(1))
                    .body("notifications[0].channel", equalTo("WEBHOOK"))
                    .body("notifications[0].transition", equalTo("FIRING"))
                    .body("notifications[0].outcome", equalTo("SENT"))
                    .body("notifications[0].attempts", equalTo(3))
                    .body("notifications[0].lastStatusCode", equalTo(204)));
    assertThat(
            Db.column(
                """
                select a.status_code from delivery_attempt a join delivery d on d.id = a.delivery_id
                join notification_log l on l.delivery_id = d.id
                where l.alert_id = ? order by a.attempt""",
                alert))
        .containsExactly(500, 500, 204);
  }

  @Test
  void aReceiverThatNeverAcceptsIsGivenUpAfterTheLastAttempt() {
    receiver = WebhookReceiver.failingFirst(100);
    Subscriptions.webhookForAppeal(receiver.url(), SECRET, appeal);

    UUID alert = fireAndDispatch();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        Db.column(
                            """
                            select d.status || ':' || d.attempts from delivery d
                            join notification_log l on l.delivery_id = d.id where l.alert_id = ?""",
                            alert))
                    .containsExactly("FAILED:4"));
    assertThat(receiver.calls()).hasSize(4);
  }

  @Test
  void theSecretIsNeverReturned() {
    receiver = WebhookReceiver.failingFirst(0);
    UUID id = Subscriptions.webhookForAppeal(receiver.url(), SECRET, appeal);

    String body =
        given().when().get("/subscriptions/{id}", id).then().statusCode(200).extract().asString();

    assertThat(body).contains(receiver.url()).doesNotContain(SECRET).doesNotContain("secret");
    assertThat(List.of(given().when().get("/subscriptions").then().extract().asString()))
        .allSatisfy(list -> assertThat(list).doesNotContain(SECRET));
  }

  @Test
  void aHostThatResolvesToLoopbackAfterRegistrationIsRefusedAtSendTime() {
    receiver = WebhookReceiver.on("127.0.0.1");
    // registered while "localhost" named a public address (written as the service would have)
    UUID subscription = UUID.randomUUID();
    Db.update(
        """
        insert into subscription (id, subscriber, channel, webhook_url, webhook_secret,
                                  appeal_code, created_at, version)
        values (?, 'finance', 'WEBHOOK', ?, ?, ?, now(), 0)""",
        subscription,
        "http://localhost:" + receiver.port() + "/hook",
        SECRET,
        appeal);

    UUID alert = fireAndDispatch();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        Db.column(
                            """
                            select d.status || ':' || d.attempts || ':' || d.last_error
                            from delivery d
                            join notification_log l on l.delivery_id = d.id where l.alert_id = ?""",
                            alert))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("FAILED:1:target refused: the host localhost resolves to")
                    .contains("loopback"));
    assertThat(receiver.calls()).isEmpty();
  }
}
