package org.jointappeal.notification.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jointappeal.notification.Money;

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
    Integer days) {}
