package org.jointappeal.notification.dispatch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Alertmanager's notification timing, per subscription and alert group (the appeal). */
@ConfigMapping(prefix = "notification.dispatch")
public interface DispatchConfig {

  /**
   * How often the dispatcher looks at every group (a scheduler expression: {@code 10s}, {@code
   * PT10S}, or {@code off}).
   */
  @WithDefault("PT10S")
  String interval();

  /** A new group's first notification waits this long, so alerts raised together go together. */
  @WithDefault("PT30S")
  Duration groupWait();

  /** Further changes of a notified group go out no more often than this. */
  @WithDefault("PT5M")
  Duration groupInterval();

  /** Alerts still firing are notified again after this long without a notification. */
  @WithDefault("PT4H")
  Duration repeatInterval();
}
