package org.jointappeal.appeal.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox row; its id is the CloudEvents id forever, so a resend is recognisably the same event.
 * {@code recordedAt} is the business clock's time, {@code writtenAt} the database's (for the
 * publish-delay metric). {@code traceparent} and {@code tracestate} are the W3C trace context it
 * was written in (null when nothing was traced): it is published as part of that trace.
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
    Instant writtenAt,
    String traceparent,
    String tracestate) {}
