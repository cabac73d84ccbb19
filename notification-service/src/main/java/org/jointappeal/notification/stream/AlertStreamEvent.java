package org.jointappeal.notification.stream;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One alert transition on GET /alerts/stream. */
public record AlertStreamEvent(
    @Schema(description = "Increasing; the SSE event id") long sequence,
    UUID alertId,
    @Schema(example = "FIRING") String transition,
    Map<String, String> labels,
    String summary,
    Instant startsAt,
    Instant endsAt) {}
