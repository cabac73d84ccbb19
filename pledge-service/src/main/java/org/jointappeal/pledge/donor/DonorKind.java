package org.jointappeal.pledge.donor;

public enum DonorKind {
  /** A State: its code is its ISO 3166-1 alpha-3 country code (NOR, SWE). */
  STATE,
  /**
   * Any other donor (an intergovernmental or private organisation): a code from ISO 3166-1's
   * user-assigned range X.. (XEC), so it can never be mistaken for a State.
   */
  ORGANISATION
}
