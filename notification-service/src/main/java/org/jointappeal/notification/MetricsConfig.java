package org.jointappeal.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often the domain gauges (docs/operations.md) and the dead-letter topic sizes refresh. */
@ConfigMapping(prefix = "notification.metrics")
public interface MetricsConfig {

  /** How often the gauges are read from the database and the broker; a scrape never waits. */
  @WithDefault("PT30S")
  Duration refreshInterval();
}
