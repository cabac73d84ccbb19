package org.jointappeal.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The domain gauges (alerts firing per rule) and the dead-letter topic sizes. */
@ConfigMapping(prefix = "notification.metrics")
public interface MetricsConfig {

  /** How often the gauges are read from the database and the broker; a scrape never waits. */
  @WithDefault("PT30S")
  Duration refreshInterval();
}
