package org.jointappeal.notification.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Decides which firing alerts are inhibited by other firing alerts. */
@ApplicationScoped
class Inhibition {

  private final InhibitionConfig config;

  Inhibition(InhibitionConfig config) {
    this.config = config;
  }

  /**
   * True when some other firing alert (silenced or not: a muted source still inhibits, as in
   * Alertmanager) is a source of a rule the target matches.
   */
  boolean inhibits(Collection<Map<String, String>> firing, Map<String, String> target) {
    if (!config.enabled()) {
      return false;
    }
    for (InhibitionConfig.Rule rule : config.rules()) {
      if (!matchesAll(rule.targetMatchers(), target)) {
        continue;
      }
      for (Map<String, String> source : firing) {
        if (!source.equals(target)
            && matchesAll(rule.sourceMatchers(), source)
            && equalOn(rule.equal(), source, target)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesAll(Map<String, String> matchers, Map<String, String> labels) {
    return matchers.entrySet().stream().allMatch(m -> m.getValue().equals(labels.get(m.getKey())));
  }

  private static boolean equalOn(
      List<String> names, Map<String, String> source, Map<String, String> target) {
    return names.stream().allMatch(n -> Objects.equals(source.get(n), target.get(n)));
  }
}
