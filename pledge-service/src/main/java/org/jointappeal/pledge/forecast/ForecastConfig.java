package org.jointappeal.pledge.forecast;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import java.time.Duration;

/** The cash forecast's projection job (docs/forecast.md). */
@ConfigMapping(prefix = "pledge.forecast")
public interface ForecastConfig {

  /** Whether the projection job runs (it recomputes launched appeals whose period is not over). */
  @WithDefault("true")
  boolean projectionEnabled();

  /** How often the job recomputes: often enough to follow pledge changes within the interval. */
  @WithDefault("PT15M")
  Duration projectionInterval();

  /** A coverage quantile moving by at least this many percentage points is a material change. */
  @WithDefault("1.00")
  @DecimalMin("0.01")
  BigDecimal materialChangePercent();
}
