package org.jointappeal.notification.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

@ConfigMapping(prefix = "notification.outbox")
public interface OutboxConfig {

  /** How often the relay looks for rows a crash or a broker outage left behind. */
  @WithDefault("PT1S")
  Duration sweepInterval();

  @WithDefault("200")
  @Min(1)
  int batchSize();

  /** How long one instance may hold the relay lease before another may take over. */
  @WithDefault("PT30S")
  Duration leaseDuration();

  /** How often the backlog metrics are refreshed. */
  @WithDefault("PT10S")
  Duration metricsInterval();

  /** How long the relay waits for the broker's acknowledgement of one batch. */
  @WithDefault("PT30S")
  Duration sendTimeout();
}
