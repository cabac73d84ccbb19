package org.jointappeal.notification.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jointappeal.notification.alert.Alert;

/**
 * {@code org.jointappeal.alert.resolved.v1}: an alert resolved, with its full state. {@code
 * appealCode} is null for an alert about no appeal (an unmatched receipt).
 */
public record AlertResolvedV1(
    String appealCode, AlertStateV1 alert, LocalDate occurredOn, Instant recordedAt)
    implements AlertEvent {

  public static final String TYPE = "org.jointappeal.alert.resolved.v1";

  public static AlertResolvedV1 of(Alert alert, Instant recordedAt) {
    return new AlertResolvedV1(
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
