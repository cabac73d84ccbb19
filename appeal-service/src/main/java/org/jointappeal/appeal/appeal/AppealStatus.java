package org.jointappeal.appeal.appeal;

public enum AppealStatus {
  /** Being prepared; freely editable, not visible to donors' pledging. */
  DRAFT,
  /** Published: donors may pledge against it. */
  LAUNCHED,
  /** The period is over; no new pledges. */
  CLOSED
}
