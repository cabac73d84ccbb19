package org.jointappeal.pledge.bankstatement;

/** What an import did so far: kept in memory, written to the statement when it commits. */
final class ImportTally {

  private int credits;
  private int debitsIgnored;
  private int notBookedIgnored;
  private int duplicatesSkipped;
  private int receiptsCreated;
  private int autoMatched;
  private int unmatched;
  private int reversals;

  void debitIgnored() {
    debitsIgnored++;
  }

  void reversal() {
    reversals++;
  }

  void pendingIgnored() {
    notBookedIgnored++;
  }

  /** A booked credit; already seen for this account (an overlapping statement) or new. */
  void credit(boolean duplicate) {
    credits++;
    if (duplicate) {
      duplicatesSkipped++;
    }
  }

  void taken(EntryMatching matching, boolean receiptCreated) {
    if (receiptCreated) {
      receiptsCreated++;
    }
    if (matching == EntryMatching.AUTO_MATCHED) {
      autoMatched++;
    } else {
      unmatched++;
    }
  }

  int credits() {
    return credits;
  }

  int debitsIgnored() {
    return debitsIgnored;
  }

  int notBookedIgnored() {
    return notBookedIgnored;
  }

  int duplicatesSkipped() {
    return duplicatesSkipped;
  }

  int receiptsCreated() {
    return receiptsCreated;
  }

  int autoMatched() {
    return autoMatched;
  }

  int unmatched() {
    return unmatched;
  }

  int reversals() {
    return reversals;
  }
}
