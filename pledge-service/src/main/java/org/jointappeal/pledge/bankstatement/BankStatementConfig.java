package org.jointappeal.pledge.bankstatement;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Bank statement import. */
@ConfigMapping(prefix = "pledge.bank-statements")
public interface BankStatementConfig {

  /**
   * A bigger file is refused with 413. {@code quarkus.http.limits.max-body-size} must be at least
   * this, or the HTTP layer refuses it first (without a problem body).
   */
  @WithDefault("10M")
  MemorySize maxSize();

  /**
   * A statement of at most this many entries (a batch booking's transactions each count) is
   * imported within the request, answered 201 with what it did; a larger one is answered 202 at
   * once and imported in the background. 500 entries take well under a second.
   */
  @WithDefault("500")
  @Min(0)
  int synchronousMaxEntries();

  /**
   * Entries taken between two writes of an import (one JDBC batch per table) and two updates of its
   * progress.
   */
  @WithDefault("500")
  @Min(1)
  @Max(10000)
  int chunkEntries();

  /**
   * How often queued imports, and imports a stopped instance left unfinished, are looked for (a new
   * statement starts at once; this is the safety net).
   */
  @WithDefault("PT10S")
  Duration sweepInterval();

  /**
   * An import begun this many times without ending (the service stopped or died during each) fails
   * instead of beginning again: a file that brings the service down cannot do so for ever.
   */
  @WithDefault("3")
  @Min(1)
  int maxAttempts();
}
