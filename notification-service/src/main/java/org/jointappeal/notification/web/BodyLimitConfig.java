package org.jointappeal.notification.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Request bodies ({@link BodyLimit}). */
@ConfigMapping(prefix = "notification.http")
public interface BodyLimitConfig {

  /**
   * The largest body on every route but the {@link #largeBodyPosts}. A pledge, an appeal, a rule or
   * a rate table is a few kilobytes.
   */
  @WithDefault("1M")
  MemorySize maxBodySize();

  /**
   * The paths whose POST takes up to {@code quarkus.http.limits.max-body-size} instead (a bank
   * statement); none if unset.
   */
  Optional<List<String>> largeBodyPosts();
}
