package org.jointappeal.notification.alert;

public enum AlertStatus {
  FIRING,
  RESOLVED
}
