package org.jointappeal.appeal.messaging;

import java.time.Instant;

/** An event this service publishes: its CloudEvents type and subject, and its record key. */
public interface OutgoingEvent {

  /** Versioned CloudEvents type, as docs/asyncapi.yaml names it. */
  String type();

  /** Topic it is published on. */
  String topic();

  /**
   * Record key: the appeal code, so every event of one appeal goes to one partition, in order. An
   * event about no appeal (a receipt, an alert about an unmatched receipt) is keyed by its donor
   * code (docs/events.md).
   */
  String recordKey();

  /** CloudEvents subject: the aggregate's id. */
  String subject();

  /** When the change was recorded: the payload's recordedAt and the CloudEvents time, both. */
  Instant recordedAt();
}
