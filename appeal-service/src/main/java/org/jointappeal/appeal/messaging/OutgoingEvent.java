package org.jointappeal.appeal.messaging;

/** An event this service publishes: its CloudEvents type and subject, and its record key. */
public interface OutgoingEvent {

  /** CloudEvents type, e.g. {@code org.jointappeal.appeal.announced.v1}. */
  String type();

  /** Topic it is published on. */
  String topic();

  /** Record key: every event of one appeal goes to one partition, in order. */
  String appealCode();

  /** CloudEvents subject: the aggregate's id. */
  String subject();

  /** When the change was recorded: the payload's recordedAt and the CloudEvents time, both. */
  java.time.Instant recordedAt();
}
