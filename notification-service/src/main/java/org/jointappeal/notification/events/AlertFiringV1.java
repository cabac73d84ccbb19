package org.jointappeal.notification.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.jointappeal.alert.firing.v1}: an alert started firing, with its full state. {@code
 * appealCode} is null for an alert about no appeal (an unmatched receipt).
 */
public record AlertFiringV1(
    String appealCode, AlertStateV1 alert, LocalDate occurredOn, Instant recordedAt)
    implements AlertEvent {

  public static final String TYPE = "org.jointappeal.alert.firing.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
