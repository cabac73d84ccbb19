package org.jointappeal.notification.silence;

public enum SilenceState {
  PENDING,
  ACTIVE,
  EXPIRED
}
