package org.jointappeal.notification.messaging;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jointappeal.notification.Money;
import org.jointappeal.notification.alert.Alert;

/**
 * An alert's full state, carried by every alert event. The numbers a kind does not use are null
 * (docs/alerts.md lists which kind sets which).
 */
public record AlertStateV1(
    UUID alertId,
    String rule,
    String kind,
    Map<String, String> labels,
    String fingerprint,
    String status,
    Instant startsAt,
    Instant endsAt,
    String summary,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal coveragePercent,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal thresholdPercent,
    Money unmet,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal periodElapsedPercent,
    Money amount,
    Integer days) {

  static AlertStateV1 of(Alert a) {
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
