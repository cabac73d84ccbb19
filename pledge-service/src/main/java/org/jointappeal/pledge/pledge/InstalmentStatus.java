package org.jointappeal.pledge.pledge;

public enum InstalmentStatus {
  PENDING,
  PARTIALLY_PAID,
  PAID,
  /** Past its due date and not fully paid. */
  OVERDUE,
  /** Its unpaid part was written off with the pledge's remainder. */
  WRITTEN_OFF,
  /** The pledge was cancelled: nothing is due any more. */
  CANCELLED
}
