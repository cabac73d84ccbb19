package org.jointappeal.pledge.events;

/**
 * What pledge-service reads from {@code appeal-events}; other types are acknowledged and skipped.
 */
public sealed interface AppealEventV1 permits AppealChangedV1, AppealEventV1.NotOfInterest {

  /** An event type this service does not act on (newer types, or ones it has no use for). */
  record NotOfInterest(String type) implements AppealEventV1 {}
}
