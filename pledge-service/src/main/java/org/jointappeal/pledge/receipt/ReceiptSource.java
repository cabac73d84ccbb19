package org.jointappeal.pledge.receipt;

/** Where a receipt came from. */
public enum ReceiptSource {
  /** Recorded by a finance officer from the bank's advice ({@code POST /receipts}). */
  MANUAL,
  /** Taken from a booked credit of an imported camt.053 bank statement. */
  BANK_STATEMENT
}
