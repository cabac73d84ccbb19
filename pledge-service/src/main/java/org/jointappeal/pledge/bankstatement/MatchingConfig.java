package org.jointappeal.pledge.bankstatement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;

/** Automatic matching of statement credits to pledges. */
@ConfigMapping(prefix = "pledge.matching")
public interface MatchingConfig {

  /**
   * How far a credit may be from an outstanding amount and still match it by amount, in percent of
   * the outstanding amount: bank charges and exchange differences on the donor's side.
   */
  @WithDefault("2")
  @DecimalMin("0")
  @DecimalMax("50")
  BigDecimal fxTolerancePercent();
}
