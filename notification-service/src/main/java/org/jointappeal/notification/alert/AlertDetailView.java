package org.jointappeal.notification.alert;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.notification.dispatch.NotificationLogEntry;

/** One alert with its notification log: who was told what, when, and whether it arrived. */
public record AlertDetailView(
    @JsonUnwrapped AlertView alert,
    @Schema(description = "Each transition notified to each subscription, oldest first")
        List<NotificationLogEntry> notifications) {}
