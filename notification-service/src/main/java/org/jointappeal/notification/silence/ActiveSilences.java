package org.jointappeal.notification.silence;

import java.util.List;
import java.util.Map;

/** The silences in force at one moment. */
public record ActiveSilences(List<Silence> silences) {

  /** Only a firing alert is muted: a resolved one has nothing left to notify but its resolution. */
  public boolean mutes(boolean firing, Map<String, String> labels) {
    return firing && silences.stream().anyMatch(s -> s.matches(labels));
  }
}
