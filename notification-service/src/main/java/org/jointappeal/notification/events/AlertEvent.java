package org.jointappeal.notification.events;

import org.jointappeal.notification.messaging.OutgoingEvent;

/**
 * An alert event carries the alert's full state; topic, key and subject follow from it. An alert
 * about no appeal (an unmatched receipt) is keyed by its donor code.
 */
public interface AlertEvent extends OutgoingEvent {

  String appealCode();

  AlertStateV1 alert();

  @Override
  default String topic() {
    return "alert-events";
  }

  @Override
  default String recordKey() {
    return appealCode() != null ? appealCode() : alert().labels().get("donor");
  }

  @Override
  default String subject() {
    return alert().alertId().toString();
  }
}
