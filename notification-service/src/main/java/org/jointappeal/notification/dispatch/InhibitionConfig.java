package org.jointappeal.notification.dispatch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's inhibition rules: while a firing alert matches a rule's source matchers, the
 * alerts matching its target matchers and having the same values of the {@code equal} labels are
 * not notified. The defaults (application.properties) let an appeal-level funding gap silence the
 * line-level gaps of the same appeal.
 */
@ConfigMapping(prefix = "notification.inhibition")
public interface InhibitionConfig {

  @WithDefault("true")
  boolean enabled();

  List<Rule> rules();

  interface Rule {
    Map<String, String> sourceMatchers();

    Map<String, String> targetMatchers();

    List<String> equal();
  }
}
