package org.jointappeal.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.SocketFactory;

/**
 * A plain-text mail over SMTP: subject with the status and group, body with each alert. Sent on the
 * mail lane's thread over a connection of its own (Jakarta Mail), and the whole exchange has the
 * same deadline as a webhook's: at the deadline the connection is closed under the client, so a
 * relay that stops answering or trickles its replies holds the mail lane that long at most, and the
 * delivery is retried.
 *
 * <p>Not the Vert.x mail client (quarkus-mailer): it starts reading a new connection only after
 * handing it to another context, and a server greeting that arrives first is dropped; the exchange
 * then waits for a greeting that never comes (measured: 19 sends in 900 to a relay on loopback).
 */
@ApplicationScoped
class EmailChannel {

  private static final String UTF_8 = "UTF-8";

  private final MailConfig mail;
  private final Duration deadline;
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            var thread = new Thread(r, "mail-deadline");
            thread.setDaemon(true);
            return thread;
          });

  @Inject
  EmailChannel(MailConfig mail, DeliveryConfig delivery) {
    this(mail, delivery.requestTimeout());
  }

  EmailChannel(MailConfig mail, Duration deadline) {
    this.mail = mail;
    this.deadline = deadline;
  }

  void stop(@Observes ShutdownEvent event) {
    deadlines.shutdownNow();
  }

  DeliveryOutcome send(ClaimedDelivery delivery, NotificationMessage message) {
    var sockets = new ExchangeSockets();
    var cut = deadlines.schedule(sockets::cut, deadline.toMillis(), TimeUnit.MILLISECONDS);
    try {
      Session session = Session.getInstance(properties(sockets));
      var mime = new MimeMessage(session);
      mime.setFrom(new InternetAddress(mail.from(), true));
      mime.setRecipient(
          Message.RecipientType.TO, new InternetAddress(oneLine(delivery.emailAddress()), true));
      mime.setSubject(subject(message), UTF_8);
      mime.setText(body(message), UTF_8);
      mime.setSentDate(new Date());
      Transport transport = session.getTransport("smtp");
      try {
        transport.connect(
            mail.host(), mail.port(), mail.username().orElse(null), mail.password().orElse(null));
        transport.sendMessage(mime, mime.getAllRecipients());
      } finally {
        closeQuietly(transport);
      }
      return DeliveryOutcome.delivered(null);
    } catch (MessagingException e) {
      if (sockets.wasCut()) {
        return DeliveryOutcome.failed(null, "no complete SMTP exchange within " + deadline);
      }
      // the relay refused or is unreachable: retried like a webhook
      return DeliveryOutcome.failed(null, describe(e));
    } finally {
      cut.cancel(false);
    }
  }

  private Properties properties(ExchangeSockets sockets) {
    String millis = Long.toString(deadline.toMillis());
    var properties = new Properties();
    properties.put("mail.smtp.socketFactory", sockets);
    properties.put("mail.smtp.socketFactory.fallback", "false");
    properties.put("mail.smtp.connectiontimeout", millis);
    properties.put("mail.smtp.timeout", millis);
    properties.put("mail.smtp.localhost", mail.heloName());
    properties.put("mail.smtp.auth", Boolean.toString(mail.username().isPresent()));
    properties.put(
        "mail.smtp.starttls.enable",
        Boolean.toString(mail.startTls() != MailConfig.StartTls.DISABLED));
    properties.put(
        "mail.smtp.starttls.required",
        Boolean.toString(mail.startTls() == MailConfig.StartTls.REQUIRED));
    // after STARTTLS, the relay's certificate must name the host we asked for
    properties.put("mail.smtp.ssl.checkserveridentity", "true");
    // the mail is the relay's once DATA is accepted: QUIT is sent, its answer not waited for
    properties.put("mail.smtp.quitwait", "false");
    return properties;
  }

  /** E.g. {@code MailConnectException: Couldn't connect to host, ...: Connection refused}. */
  private static String describe(MessagingException e) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    Throwable cause = e.getCause();
    return cause == null || cause.getMessage() == null ? text : text + ": " + cause.getMessage();
  }

  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      // the mail was accepted or the attempt already failed: nothing more to learn here
    }
  }

  /**
   * The sockets of one exchange (a plain one, wrapped for STARTTLS), closed together at the
   * deadline: a read or write waiting on the relay then fails at once.
   */
  private static final class ExchangeSockets extends SocketFactory {
    private final List<Socket> sockets = new ArrayList<>();
    private boolean cut;

    @Override
    public synchronized Socket createSocket() throws IOException {
      if (cut) {
        throw new SocketException("the delivery deadline has passed");
      }
      var socket = new Socket();
      sockets.add(socket);
      return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      throw new SocketException("connected sockets are not handed out: createSocket() only");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return createSocket(host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return createSocket(host.getHostAddress(), port);
    }

    synchronized void cut() {
      cut = true;
      for (Socket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing is all that is wanted
        }
      }
    }

    synchronized boolean wasCut() {
      return cut;
    }
  }

  /**
   * E.g. {@code [FIRING:2] alerts of appeal=CIS-1997} or {@code [RESOLVED] ...}. One line whatever
   * the labels hold: control characters (a bare LF would start a header of its own: {@code Bcc:})
   * become spaces; the mailer encodes anything beyond ASCII (RFC 2047).
   */
  static String subject(NotificationMessage message) {
    String status =
        message.status().equals("firing") ? "FIRING:" + message.firingCount() : "RESOLVED";
    return oneLine(
        "[%s] alerts of %s%s"
            .formatted(status, message.groupKey(), message.repeat() ? " (still firing)" : ""));
  }

  /** Header text on one line: every control character (CR, LF, NUL, tab ...) is a space. */
  static String oneLine(String text) {
    var line = new StringBuilder(text.length());
    text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return line.toString();
  }

  static String body(NotificationMessage message) {
    var body = new StringBuilder();
    body.append("Joint appeal alerts for ").append(message.groupKey()).append("\n\n");
    for (var alert : message.alerts()) {
      body.append(alert.status().toUpperCase())
          .append(": ")
          .append(alert.annotations().getOrDefault("summary", ""))
          .append('\n');
      body.append("  labels: ").append(labels(alert.labels())).append('\n');
      body.append("  started: ").append(alert.startsAt()).append('\n');
      if (alert.endsAt() != null) {
        body.append("  ended: ").append(alert.endsAt()).append('\n');
      }
      body.append("  details: ").append(alert.url()).append("\n\n");
    }
    body.append("You receive this because of subscription ")
        .append(message.subscriptionId())
        .append(" (DELETE /subscriptions/")
        .append(message.subscriptionId())
        .append(" to stop).\n");
    return body.toString();
  }

  private static String labels(Map<String, String> labels) {
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
