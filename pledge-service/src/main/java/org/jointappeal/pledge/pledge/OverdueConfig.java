package org.jointappeal.pledge.pledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** The overdue check: how often it looks for instalments past their due date. */
@ConfigMapping(prefix = "pledge.overdue")
public interface OverdueConfig {

  /** How often the check runs; an instalment is reported within this long after its due date. */
  @WithDefault("PT1H")
  Duration checkInterval();

  /** Off only where something else drives the check (the tests call it with their own clock). */
  @WithDefault("true")
  boolean enabled();

  /** Pledges handled per transaction: keeps row locks and transactions short. */
  @WithDefault("100")
  @Min(1)
  @Max(10000)
  int batchSize();
}
