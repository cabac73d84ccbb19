package org.jointappeal.notification.delivery;

/** Fired when a dispatch writes a delivery: after commit, the sender is woken. */
public record DeliveryEnqueued(int count) {}
