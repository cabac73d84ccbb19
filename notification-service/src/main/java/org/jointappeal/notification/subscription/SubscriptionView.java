package org.jointappeal.notification.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its subscriber sees it: the webhook secret never leaves the service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
    UUID id,
    @Schema(description = "The token subject that subscribed") String subscriber,
    Channel channel,
    String emailAddress,
    String webhookUrl,
    String rule,
    String appealCode,
    String donorCode,
    Instant createdAt) {

  static SubscriptionView of(Subscription s) {
    return new SubscriptionView(
        s.id(),
        s.subscriber(),
        s.channel(),
        s.emailAddress(),
        s.webhookUrl(),
        s.rule(),
        s.appealCode(),
        s.donorCode(),
        s.createdAt());
  }
}
