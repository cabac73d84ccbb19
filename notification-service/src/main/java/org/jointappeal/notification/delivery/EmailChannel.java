package org.jointappeal.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plain-text mail over SMTP: subject with the status and group, body with each alert. The whole
 * SMTP exchange has the same deadline as a webhook's: a server that stops answering delays the mail
 * lane by that long at most, and the delivery is retried.
 */
@ApplicationScoped
class EmailChannel {

  private final ReactiveMailer mailer;
  private final DeliveryConfig config;

  EmailChannel(ReactiveMailer mailer, DeliveryConfig config) {
    this.mailer = mailer;
    this.config = config;
  }

  DeliveryOutcome send(ClaimedDelivery delivery, NotificationMessage message) {
    try {
      mailer
          .send(Mail.withText(oneLine(delivery.emailAddress()), subject(message), body(message)))
          .await()
          .atMost(config.requestTimeout());
      return DeliveryOutcome.delivered(null);
    } catch (TimeoutException e) {
      return DeliveryOutcome.failed(
          null, "no complete SMTP exchange within " + config.requestTimeout());
    } catch (RuntimeException e) {
      // the SMTP server refused or is unreachable: retried like a webhook
      return DeliveryOutcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
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
