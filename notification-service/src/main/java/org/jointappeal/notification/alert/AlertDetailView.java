package org.jointappeal.notification.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One alert with the first page of its notification log: who was told what, when, and whether it
 * arrived. A long-firing alert repeated to many subscriptions has a long log: the rest is paged at
 * GET /alerts/{id}/notifications.
 */
public record AlertDetailView(
    @JsonUnwrapped AlertView alert,
    @Schema(
            description =
                "Each transition notified to each subscription, oldest first: the first page (at"
                    + " most 100) of GET /alerts/{id}/notifications")
        List<NotificationLogEntry> notifications,
    @Schema(
            description =
                "Where the log goes on (GET /alerts/{id}/notifications with a cursor); absent"
                    + " when the whole log is above")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String notificationsNext) {}
