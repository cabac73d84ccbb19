package org.jointappeal.pledge.pledge;

public enum PledgeStatus {
  /** Announced by the donor; not binding, not funding. */
  ANNOUNCED,
  /** A signed agreement: counts as funding (committed, not yet paid). */
  COMMITTED,
  /** Some money received, some outstanding. */
  PARTIALLY_PAID,
  /** Received in full. */
  PAID,
  /** Withdrawn by the donor before any payment. */
  CANCELLED,
  /** A finance officer decided the outstanding remainder will not be received. */
  WRITTEN_OFF
}
