package org.jointappeal.notification.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "notification.stream")
public interface StreamConfig {

  /** How often committed alert transitions are looked for (each instance streams its own). */
  @WithDefault("PT0.5S")
  Duration pollInterval();

  /**
   * How far back each poll looks. Transitions commit out of sequence order, so a poll re-reads a
   * window and skips what it already streamed rather than trusting the highest sequence seen.
   */
  @WithDefault("PT1M")
  Duration lookBack();
}
