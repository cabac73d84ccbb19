package org.jointappeal.notification.alert;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record AlertView(
    UUID id,
    String rule,
    Map<String, String> labels,
    AlertStatus status,
    Instant startsAt,
    Instant endsAt,
    String summary,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal coveragePercent,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal thresholdPercent) {

  static AlertView of(Alert a) {
    return new AlertView(
        a.id(),
        a.rule(),
        Map.of("rule", a.rule(), "appeal", a.appealCode()),
        a.status(),
        a.startsAt(),
        a.endsAt(),
        a.summary(),
        a.coveragePercent(),
        a.thresholdPercent());
  }
}
