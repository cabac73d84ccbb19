package org.jointappeal.notification.messaging;

/** Fired when an outbox row is written; observed after commit to wake the relay. */
public record OutboxAppended(String topic) {}
