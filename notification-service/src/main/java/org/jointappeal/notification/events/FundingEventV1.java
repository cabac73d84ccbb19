package org.jointappeal.notification.events;

/** What notification-service reads from {@code funding-events}. */
public sealed interface FundingEventV1 permits FundingChangedV1, FundingEventV1.NotOfInterest {

  /** An event type this service does not act on. */
  record NotOfInterest(String type) implements FundingEventV1 {}
}
