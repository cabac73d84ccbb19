package org.jointappeal.notification.delivery;

/** How one attempt went: success, or a failure with the receiver's status code if it answered. */
record DeliveryOutcome(boolean delivered, Integer statusCode, String error) {

  static DeliveryOutcome delivered(Integer statusCode) {
    return new DeliveryOutcome(true, statusCode, null);
  }

  static DeliveryOutcome failed(Integer statusCode, String error) {
    return new DeliveryOutcome(false, statusCode, error);
  }
}
