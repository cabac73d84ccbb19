package org.jointappeal.pledge.receipt;

/** How much of a receipt is allocated to pledges; derived from its amounts, never stored. */
public enum ReceiptStatus {
  UNALLOCATED,
  PARTIALLY_ALLOCATED,
  ALLOCATED,
  /**
   * The bank reversed it (camt.053 RvslInd, or a debit naming it): its allocations are undone as of
   * the reversal's booking date, and nothing more can be allocated.
   */
  REVERSED
}
