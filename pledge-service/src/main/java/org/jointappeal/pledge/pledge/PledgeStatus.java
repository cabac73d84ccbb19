package org.jointappeal.pledge.pledge;

public enum PledgeStatus {
  /** Announced by the donor; not binding, not funding. */
  ANNOUNCED,
  /** A signed agreement: counts as funding (committed, not yet paid). */
  COMMITTED
}
