package org.jointappeal.notification.subscription;

/** Where a subscription's notifications go. The live stream (SSE) needs no subscription. */
public enum Channel {
  EMAIL,
  WEBHOOK
}
