package org.jointappeal.notification.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

@ConfigMapping(prefix = "notification.subscriptions")
public interface SubscriptionConfig {

  /** Subscriptions one subscriber may hold at once; one more is a 422 (each costs deliveries). */
  @WithDefault("50")
  @Min(1)
  int maxPerSubscriber();
}
