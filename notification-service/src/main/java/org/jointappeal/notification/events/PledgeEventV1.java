package org.jointappeal.notification.events;

/**
 * What notification-service reads from {@code pledge-events}: pledges, receipts and the cash
 * forecast's projections.
 */
public sealed interface PledgeEventV1
    permits PledgeChangedV1, ReceiptChangedV1, ForecastProjectedV1, PledgeEventV1.NotOfInterest {

  /** An event type this service does not act on. */
  record NotOfInterest(String type) implements PledgeEventV1 {}
}
