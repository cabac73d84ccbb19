package org.jointappeal.notification.delivery;

/**
 * How one attempt went: success, or a failure with the receiver's status code if it answered. A
 * final failure (a target the outbound policy refuses) is not retried.
 */
record DeliveryOutcome(boolean delivered, Integer statusCode, String error, boolean finalFailure) {

  static DeliveryOutcome delivered(Integer statusCode) {
    return new DeliveryOutcome(true, statusCode, null, false);
  }

  static DeliveryOutcome failed(Integer statusCode, String error) {
    return new DeliveryOutcome(false, statusCode, error, false);
  }

  static DeliveryOutcome refused(String error) {
    return new DeliveryOutcome(false, null, error, true);
  }
}
