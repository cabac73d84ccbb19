package org.jointappeal.pledge.bankstatement;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bank statement import. */
@ConfigMapping(prefix = "pledge.bank-statements")
public interface BankStatementConfig {

  /**
   * A bigger file is refused with 413. {@code quarkus.http.limits.max-body-size} must be at least
   * this, or the HTTP layer refuses it first (without a problem body).
   */
  @WithDefault("10M")
  MemorySize maxSize();
}
