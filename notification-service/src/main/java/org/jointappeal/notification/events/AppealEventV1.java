package org.jointappeal.notification.events;

/** What notification-service reads from {@code appeal-events}: each appeal's period. */
public sealed interface AppealEventV1 permits AppealChangedV1, AppealEventV1.NotOfInterest {

  /** An event type this service does not act on. */
  record NotOfInterest(String type) implements AppealEventV1 {}
}
