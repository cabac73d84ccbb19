package org.jointappeal.pledge.bankstatement;

/** Where a statement's import stands. */
public enum BankStatementStatus {
  /** Accepted and queued: its file waits for the background import. */
  RECEIVED,
  /** Being imported; nothing of it is visible before it ends. */
  IMPORTING,
  /** Imported: its receipts, allocations and events exist. */
  IMPORTED,
  /** A rule refused the file (a missing rate, say): nothing of it was written. */
  REFUSED,
  /** The import broke, or was interrupted too often: nothing of it was written. */
  FAILED;

  /** Still to end: a statement of the same account waits behind it. */
  boolean pending() {
    return this == RECEIVED || this == IMPORTING;
  }
}
