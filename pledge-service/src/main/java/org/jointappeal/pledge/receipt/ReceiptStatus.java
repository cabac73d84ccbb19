package org.jointappeal.pledge.receipt;

/** How much of a receipt is allocated to pledges; derived from its amounts, never stored. */
public enum ReceiptStatus {
  UNALLOCATED,
  PARTIALLY_ALLOCATED,
  ALLOCATED
}
