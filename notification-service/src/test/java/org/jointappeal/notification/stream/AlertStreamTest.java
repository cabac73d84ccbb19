package org.jointappeal.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jointappeal.notification.Alerts.anAlert;
import static org.jointappeal.notification.FundingEvents.uniqueAppealCode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.jointappeal.notification.Alerts;
import org.jointappeal.notification.StackResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /alerts/stream: alert transitions as Server-Sent Events, scoped to the caller. */
@QuarkusTest
@StackResource
class AlertStreamTest {

  @TestHTTPResource("/alerts/stream")
  URI stream;

  @Inject AlertFeed feed;
  @Inject org.jointappeal.notification.TestClock clock;

  final List<String> lines = new CopyOnWriteArrayList<>();
  int listenersBefore;
  final AtomicReference<Flow.Subscription> body = new AtomicReference<>();
  CompletableFuture<HttpResponse<Void>> connection;

  /** Connects (as the test's @TestSecurity caller) and waits until the stream is followed. */
  private void listen() {
    listenersBefore = feed.listeners();
    connection =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(
                    new Flow.Subscriber<String>() {
                      @Override
                      public void onSubscribe(Flow.Subscription subscription) {
                        body.set(subscription);
                        subscription.request(Long.MAX_VALUE);
                      }

                      @Override
                      public void onNext(String line) {
                        lines.add(line);
                      }

                      @Override
                      public void onError(Throwable throwable) {}

                      @Override
                      public void onComplete() {}
                    }));
    await().atMost(Duration.ofSeconds(10)).until(() -> feed.listeners() > listenersBefore);
  }

  @AfterEach
  void disconnect() {
    if (body.get() != null) {
      body.get().cancel(); // closes the connection
      // so that the next test counts its own listener only
      await().atMost(Duration.ofSeconds(10)).until(() -> feed.listeners() <= listenersBefore);
    }
  }

  private boolean received(UUID alert, String transition) {
    return lines.stream()
        .anyMatch(
            l ->
                l.startsWith("data:")
                    && l.contains(alert.toString())
                    && l.contains("\"" + transition + "\""));
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  void aFinanceOfficerReceivesAlertsAsTheyFireAndResolve() {
    listen();

    UUID alert = anAlert(uniqueAppealCode()).label("level", "appeal").fire();
    await().atMost(Duration.ofSeconds(10)).until(() -> received(alert, "FIRING"));

    Alerts.resolve(alert, org.jointappeal.notification.TestClock.DEFAULT_NOW.plusSeconds(60));
    await().atMost(Duration.ofSeconds(10)).until(() -> received(alert, "RESOLVED"));
  }

  @Test
  @TestSecurity(user = "donor-nor", roles = "donor")
  @OidcSecurity(claims = @Claim(key = "donor_code", value = "NOR"))
  void aDonorReceivesOnlyAlertsAboutItsOwnPledges() {
    listen();
    String appeal = uniqueAppealCode();

    UUID otherDonors = anAlert(appeal).label("kind", "large-pledge").label("donor", "SWE").fire();
    UUID noDonors = anAlert(appeal).label("level", "appeal").fire();
    UUID own = anAlert(appeal).label("kind", "large-pledge").label("donor", "NOR").fire();

    // the own alert came last: once it is here, the others would have been too
    await().atMost(Duration.ofSeconds(10)).until(() -> received(own, "FIRING"));
    assertThat(lines)
        .noneMatch(l -> l.contains(otherDonors.toString()))
        .noneMatch(l -> l.contains(noDonors.toString()));
  }

  /** 880966803 = TestClock.DEFAULT_NOW (1997-12-01T09:00:00Z) + 3 s, the service's clock. */
  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  @OidcSecurity(claims = @Claim(key = "exp", value = "880966803", type = ClaimType.LONG))
  void theStreamEndsWhenTheTokenExpires() {
    clock.reset();
    long connected = System.nanoTime();
    listen();

    var response = connection.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();

    long openMillis = (System.nanoTime() - connected) / 1_000_000;
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(openMillis).isGreaterThanOrEqualTo(2_000); // open until expiry, not closed at once
    await().atMost(Duration.ofSeconds(10)).until(() -> feed.listeners() <= listenersBefore);
  }

  @Test
  @TestSecurity(user = "finance", roles = "finance-officer")
  @OidcSecurity(claims = @Claim(key = "exp", value = "880966799", type = ClaimType.LONG))
  void aTokenAlreadyExpiredGetsAStreamThatEndsAtOnce() {
    clock.reset();
    connection =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.discarding());

    assertThat(connection.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join().statusCode())
        .isEqualTo(200);
  }
}
