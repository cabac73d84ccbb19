package org.jointappeal.pledge.known;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How pledge-service answers for an appeal it has not heard of from appeal-service. */
@ConfigMapping(prefix = "pledge.appeals")
public interface AppealsConfig {

  /**
   * The {@code Retry-After} of a 409 appeal-not-yet-known: about how long a launch takes to reach
   * pledge-service (well under a second on a healthy platform). Rounded up to whole seconds.
   */
  @WithDefault("PT2S")
  Duration notYetKnownRetryAfter();
}
