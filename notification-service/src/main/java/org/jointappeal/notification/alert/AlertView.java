package org.jointappeal.notification.alert;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AlertView(
    UUID id,
    String rule,
    @Schema(description = "The rule that raised it") UUID ruleId,
    @Schema(description = "The alert's identity: rule, appeal and the rule's own labels")
        Map<String, String> labels,
    AlertStatus status,
    @Schema(description = "FIRING and matched by an active silence: notifications are muted")
        boolean silenced,
    Instant startsAt,
    Instant endsAt,
    String summary,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal coveragePercent,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal thresholdPercent) {

  static AlertView of(Alert a, boolean silenced) {
    return new AlertView(
        a.id(),
        a.rule(),
        a.ruleId(),
        a.labels(),
        a.status(),
        silenced,
        a.startsAt(),
        a.endsAt(),
        a.summary(),
        a.coveragePercent(),
        a.thresholdPercent());
  }
}
