package org.jointappeal.pledge.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox row; its id is the CloudEvents id forever, so a resend is recognisably the same event.
 * {@code recordedAt} is the business clock's time, {@code writtenAt} the database's (for the
 * publish-delay metric).
 */
public record OutboxEvent(
    UUID id,
    long seq,
    String topic,
    String recordKey,
    String type,
    String subject,
    String payload,
    Instant recordedAt,
    Instant writtenAt) {}
