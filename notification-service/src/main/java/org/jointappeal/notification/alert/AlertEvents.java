package org.jointappeal.notification.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jointappeal.notification.Money;
import org.jointappeal.notification.events.AlertFiringV1;
import org.jointappeal.notification.events.AlertResolvedV1;
import org.jointappeal.notification.events.AlertStateV1;

/** The events of an alert's transitions, built from the alert as it now stands. */
final class AlertEvents {

  private AlertEvents() {}

  static AlertFiringV1 firing(Alert alert, Instant recordedAt) {
    return new AlertFiringV1(
        alert.appealCode(),
        state(alert),
        LocalDate.ofInstant(recordedAt, ZoneOffset.UTC),
        recordedAt);
  }

  static AlertResolvedV1 resolved(Alert alert, Instant recordedAt) {
    return new AlertResolvedV1(
        alert.appealCode(),
        state(alert),
        LocalDate.ofInstant(recordedAt, ZoneOffset.UTC),
        recordedAt);
  }

  static AlertStateV1 state(Alert a) {
    return new AlertStateV1(
        a.id(),
        a.rule(),
        a.kind().name(),
        a.labels(),
        a.fingerprint(),
        a.status().name(),
        a.startsAt(),
        a.endsAt(),
        a.summary(),
        a.coveragePercent(),
        a.thresholdPercent(),
        Money.usd(a.unmetUsd()),
        a.periodElapsedPercent(),
        a.amount(),
        a.days());
  }
}
