package org.jointappeal.notification.alert;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AlertRuleView(
    UUID id,
    String name,
    String description,
    RuleKind kind,
    String appealCode,
    Map<String, String> labels,
    @Schema(type = SchemaType.STRING, example = "50.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal thresholdPercent,
    LocalDate activeFrom,
    @Schema(type = SchemaType.STRING, example = "25.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal fromPeriodSharePercent,
    String groupBy,
    String groupValue,
    Integer minDaysOverdue,
    String resolveAfter,
    @Schema(type = SchemaType.STRING, example = "10000000.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal minAmountUsd,
    Integer minDaysUnallocated,
    Integer minMonthsLeft,
    long version) {

  static AlertRuleView of(AlertRule r) {
    return new AlertRuleView(
        r.id(),
        r.name(),
        r.description(),
        r.kind(),
        r.appealCode(),
        r.labels(),
        r.thresholdPercent(),
        r.activeFrom(),
        r.fromPeriodSharePercent(),
        r.groupBy(),
        r.groupValue(),
        r.minDaysOverdue(),
        r.resolveAfter() == null ? null : r.resolveAfter().toString(),
        r.minAmountUsd() == null ? null : r.minAmountUsd().setScale(2),
        r.minDaysUnallocated(),
        r.minMonthsLeft(),
        r.version());
  }
}
