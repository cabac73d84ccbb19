package org.jointappeal.appeal.appeal;

public enum Priority {
  EMERGENCY,
  NON_EMERGENCY
}
