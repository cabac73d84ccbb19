package org.jointappeal.pledge.bankstatement;

/** What became of a booked credit entry. */
public enum EntryMatching {
  /** The payer's donor was identified and the receipt allocated to the one matching pledge. */
  AUTO_MATCHED,
  /** A receipt was recorded for the identified donor; no single pledge matched with confidence. */
  UNMATCHED,
  /** No donor holds the payer's IBAN: no receipt yet, a finance officer names the donor. */
  UNIDENTIFIED
}
