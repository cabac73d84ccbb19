package org.jointappeal.appeal.funding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "appeal.transparency")
public interface TransparencyConfig {

  /** Whether the public view may group by donor; off unless donors agreed to be named. */
  @WithDefault("false")
  boolean donorDetail();
}
