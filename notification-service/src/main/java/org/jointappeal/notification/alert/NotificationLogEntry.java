package org.jointappeal.notification.alert;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One notification of an alert's transition to one subscription, and how its delivery went. */
public record NotificationLogEntry(
    UUID subscriptionId,
    @Schema(example = "EMAIL") String channel,
    @Schema(example = "FIRING") String transition,
    @Schema(description = "0 for the first notice of the transition, then 1, 2 ... for repeats")
        int sequence,
    @Schema(description = "When the dispatcher decided it (the service's clock)")
        Instant notifiedAt,
    UUID deliveryId,
    @Schema(description = "PENDING, SENT, FAILED or CANCELLED", example = "SENT") String outcome,
    int attempts,
    @Schema(description = "The webhook receiver's last answer") Integer lastStatusCode,
    Instant sentAt,
    @Schema(description = "While PENDING: when the next attempt is due") Instant nextAttemptAt) {}
