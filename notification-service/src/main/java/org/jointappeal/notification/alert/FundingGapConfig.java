package org.jointappeal.notification.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;

@ConfigMapping(prefix = "notification.funding-gap")
public interface FundingGapConfig {

  /** An appeal whose coverage is below this share of its current requirements is in a gap. */
  @WithDefault("50")
  @DecimalMin("0")
  @DecimalMax("100")
  BigDecimal thresholdPercent();
}
