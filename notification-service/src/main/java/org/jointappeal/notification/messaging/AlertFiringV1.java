package org.jointappeal.notification.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jointappeal.notification.alert.Alert;

/**
 * {@code org.jointappeal.alert.firing.v1}: an alert started firing, with its full state. {@code
 * appealCode} is null for an alert about no appeal (an unmatched receipt).
 */
public record AlertFiringV1(
    String appealCode, AlertStateV1 alert, LocalDate occurredOn, Instant recordedAt)
    implements AlertEvent {

  public static final String TYPE = "org.jointappeal.alert.firing.v1";

  public static AlertFiringV1 of(Alert alert, Instant recordedAt) {
    return new AlertFiringV1(
        alert.appealCode(),
        AlertStateV1.of(alert),
        LocalDate.ofInstant(recordedAt, ZoneOffset.UTC),
        recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
