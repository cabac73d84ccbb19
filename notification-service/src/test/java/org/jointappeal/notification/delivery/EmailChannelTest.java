package org.jointappeal.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jointappeal.localstack.MailServer;
import org.jointappeal.localstack.MailServer.ReceivedMail;
import org.jointappeal.notification.subscription.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SMTP exchange, against a real relay (GreenMail) and against relays that misbehave. A long run
 * of mails all arrive on their first attempt: the Vert.x client used before lost a relay's greeting
 * about once in fifty mails and waited for it until the deadline.
 */
class EmailChannelTest {

  static final Duration DEADLINE = Duration.ofSeconds(15);

  static MailServer relay;

  /** notification.mail.* as configured, without Quarkus. */
  record Relay(int port, StartTls startTls) implements MailConfig {
    Relay(int port) {
      this(port, StartTls.OPTIONAL);
    }

    public String host() {
      return "127.0.0.1";
    }

    public String from() {
      return "alerts@jointappeal.org";
    }

    public String heloName() {
      return "localhost";
    }

    public Optional<String> username() {
      return Optional.empty();
    }

    public Optional<String> password() {
      return Optional.empty();
    }
  }

  @BeforeAll
  static void startRelay() {
    relay = MailServer.start(0, 0);
  }

  @AfterAll
  static void stopRelay() {
    relay.close();
  }

  static ClaimedDelivery deliveryTo(String address) {
    return new ClaimedDelivery(
        UUID.randomUUID(), Channel.EMAIL, "{}", 0, true, address, null, null);
  }

  static NotificationMessage firing(String groupKey) {
    return new NotificationMessage(
        "1", UUID.randomUUID(), UUID.randomUUID(), "firing", groupKey, Map.of(), false, List.of());
  }

  List<ReceivedMail> receivedBy(String address) {
    return relay.received().stream().filter(m -> m.to().equals(address)).toList();
  }

  @Test
  void everyMailOfALongRunArrivesOnItsFirstAttempt() {
    var channel = new EmailChannel(new Relay(relay.port()), DEADLINE);
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> failures = new ArrayList<>();

    for (int i = 0; i < 300; i++) {
      var outcome =
          channel.send(deliveryTo("run-" + run + "@example.org"), firing("appeal=RUN-" + i));
      if (!outcome.delivered()) {
        failures.add("mail " + i + ": " + outcome.error());
      }
    }

    assertThat(failures).isEmpty();
    assertThat(receivedBy("run-" + run + "@example.org"))
        .hasSize(300)
        .allSatisfy(mail -> assertThat(mail.from()).isEqualTo("alerts@jointappeal.org"));
  }

  @Test
  void aSubjectBeyondAsciiArrivesAsWritten() {
    var channel = new EmailChannel(new Relay(relay.port()), DEADLINE);

    var outcome =
        channel.send(deliveryTo("kyrgyzstan@example.org"), firing("appeal=CIS-1997 Кыргызстан"));

    assertThat(outcome.delivered()).isTrue();
    assertThat(receivedBy("kyrgyzstan@example.org"))
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.subject())
                  .isEqualTo("[FIRING:0] alerts of appeal=CIS-1997 Кыргызстан");
              assertThat(mail.body()).contains("Joint appeal alerts for appeal=CIS-1997");
            });
  }

  @Test
  void aRequiredStartTlsIsNeverGivenUpForPlainText() {
    var channel = new EmailChannel(new Relay(relay.port(), MailConfig.StartTls.REQUIRED), DEADLINE);

    var outcome = channel.send(deliveryTo("plaintext@example.org"), firing("appeal=TLS"));

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.error()).contains("STARTTLS is required");
    assertThat(receivedBy("plaintext@example.org")).isEmpty();
  }

  @Test
  void aRelayThatNeverFinishesItsGreetingIsCutAtTheDeadline() throws Exception {
    try (var trickling = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var relayThread = new Thread(() -> trickleGreeting(trickling), "trickling-relay");
      relayThread.setDaemon(true);
      relayThread.start();
      var channel = new EmailChannel(new Relay(trickling.getLocalPort()), Duration.ofSeconds(2));

      long started = System.nanoTime();
      var outcome = channel.send(deliveryTo("nobody@example.org"), firing("appeal=SLOW"));
      long heldMillis = (System.nanoTime() - started) / 1_000_000;

      assertThat(outcome.delivered()).isFalse();
      assertThat(outcome.error()).isEqualTo("no complete SMTP exchange within PT2S");
      assertThat(heldMillis).isLessThan(20_000); // the 2 s deadline, not the 60 s trickle
    }
  }

  /** A greeting of continuation lines, one every half second for a minute: no read times out. */
  private static void trickleGreeting(ServerSocket server) {
    try (Socket client = server.accept();
        OutputStream out = client.getOutputStream()) {
      for (int i = 0; i < 120; i++) {
        out.write("220-still greeting\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(500);
      }
    } catch (IOException | InterruptedException e) {
      // the client closed the connection: what the test waits for
    }
  }

  @Test
  void aRelayThatIsNotThereFailsTheAttemptAtOnce() throws IOException {
    int closedPort;
    try (var gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = gone.getLocalPort();
    }
    var channel = new EmailChannel(new Relay(closedPort), DEADLINE);

    var outcome = channel.send(deliveryTo("nobody@example.org"), firing("appeal=GONE"));

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.error()).startsWith("MailConnectException").contains("Connection refused");
  }
}
