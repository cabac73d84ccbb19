package org.jointappeal.pledge.messaging;

/** An event this service publishes: its CloudEvents type and subject, and its record key. */
public interface OutgoingEvent {

  /** CloudEvents type, e.g. {@code org.jointappeal.pledge.announced.v1}. */
  String type();

  /** Topic it is published on. */
  String topic();

  /**
   * Record key: the appeal code, so every event of one appeal goes to one partition, in order.
   * Receipt events are the exception: a receipt belongs to a donor, not to an appeal, so they are
   * keyed by the donor code (docs/events.md).
   */
  String recordKey();

  /** CloudEvents subject: the aggregate's id. */
  String subject();

  /** When the change was recorded: the payload's recordedAt and the CloudEvents time, both. */
  java.time.Instant recordedAt();
}
