package org.jointappeal.notification.alert;

/** What a rule watches; its label is the alerts' {@code kind} label. */
public enum RuleKind {
  /** Coverage of an appeal, or of each of its line groups, below the rule's threshold. */
  FUNDING_GAP("funding-gap"),
  /** An instalment unpaid a number of days past its due date (one ageing bucket per rule). */
  OVERDUE_INSTALMENT("overdue-instalment"),
  /** A pledge was cancelled: fires on the event, resolves after {@code resolveAfter}. */
  PLEDGE_CANCELLED("pledge-cancelled"),
  /** A pledge was written off: fires on the event, resolves after {@code resolveAfter}. */
  PLEDGE_WRITTEN_OFF("pledge-written-off"),
  /** A pledge at or above an amount in USD: fires on it, resolves after {@code resolveAfter}. */
  LARGE_PLEDGE("large-pledge"),
  /** A receipt with an unallocated amount for a number of days since its value date. */
  UNMATCHED_RECEIPT("unmatched-receipt"),
  /**
   * The cash forecast's median projection of coverage at the appeal's period end below the rule's
   * threshold, while at least {@code minMonthsLeft} whole months of the period are left.
   */
  PROJECTED_FUNDING_GAP("projected-funding-gap");

  private final String label;

  RuleKind(String label) {
    this.label = label;
  }

  /** Kebab case, the {@code kind} label's value. */
  public String label() {
    return label;
  }

  boolean aboutPledges() {
    return this == OVERDUE_INSTALMENT
        || this == PLEDGE_CANCELLED
        || this == PLEDGE_WRITTEN_OFF
        || this == LARGE_PLEDGE;
  }
}
