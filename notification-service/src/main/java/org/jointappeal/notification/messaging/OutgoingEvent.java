package org.jointappeal.notification.messaging;

/** An event this service publishes: its CloudEvents type and subject, and its record key. */
public interface OutgoingEvent {

  /** CloudEvents type, e.g. {@code org.jointappeal.alert.firing.v1}. */
  String type();

  /** Topic it is published on. */
  String topic();

  /**
   * Record key: the appeal code, so every event of one appeal goes to one partition, in order. An
   * alert without an appeal (an unmatched receipt) is keyed by its donor code, as receipt events
   * are.
   */
  String recordKey();

  /** CloudEvents subject: the alert's id. */
  String subject();

  /** When the change was recorded: the payload's recordedAt and the CloudEvents time, both. */
  java.time.Instant recordedAt();
}
