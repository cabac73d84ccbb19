package org.jointappeal.pledge.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request bodies ({@link BodyLimit}). */
@ConfigMapping(prefix = "pledge.http")
public interface BodyLimitConfig {

  /**
   * The largest body on every route but {@code POST /bank-statements}, which takes up to {@code
   * quarkus.http.limits.max-body-size}. A pledge, a receipt or a rate table is a few kilobytes.
   */
  @WithDefault("1M")
  MemorySize maxBodySize();
}
