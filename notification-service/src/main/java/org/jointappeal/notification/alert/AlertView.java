package org.jointappeal.notification.alert;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.notification.Money;

public record AlertView(
    UUID id,
    String rule,
    @Schema(description = "The rule that raised it") UUID ruleId,
    RuleKind kind,
    @Schema(description = "The alert's identity: rule, kind, severity and scope labels")
        Map<String, String> labels,
    String fingerprint,
    AlertStatus status,
    @Schema(description = "FIRING and matched by an active silence: notifications are muted")
        boolean silenced,
    Instant startsAt,
    Instant endsAt,
    String summary,
    @Schema(type = SchemaType.STRING, example = "30.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal coveragePercent,
    @Schema(type = SchemaType.STRING, example = "50.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal thresholdPercent,
    Money unmet,
    @Schema(type = SchemaType.STRING, example = "50.14")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal periodElapsedPercent,
    @Schema(
            description =
                "Outstanding instalment, pledge value (USD) or unallocated receipt money, by kind")
        Money amount,
    @Schema(description = "Days past due or days unallocated, by kind") Integer days) {

  static AlertView of(Alert a, boolean silenced) {
    return new AlertView(
        a.id(),
        a.rule(),
        a.ruleId(),
        a.kind(),
        a.labels(),
        a.fingerprint(),
        a.status(),
        silenced,
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
