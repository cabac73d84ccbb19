package org.jointappeal.pledge;

/** The rules pledge-service enforces; each slug is a documented problem type (docs/problems.md). */
public enum DomainRule {
  UNKNOWN_CURRENCY("unknown-currency", "Unknown currency"),
  TOO_MANY_DECIMALS("too-many-decimals", "More decimals than the currency has"),
  MISSING_UNORE_RATE("missing-unore-rate", "No UN operational rate of exchange"),
  APPEAL_NOT_LAUNCHED("appeal-not-launched", "The appeal is not open for pledges"),
  PLEDGE_NOT_ANNOUNCED("pledge-not-announced", "The pledge is not in the announced state"),
  COMMITTED_BEFORE_ANNOUNCED("committed-before-announced", "Commitment dated before announcement"),
  DATE_IN_FUTURE("date-in-future", "A business date lies in the future"),
  DONOR_REQUIRED("donor-required", "The pledge must name its donor");

  private final String slug;
  private final String title;

  DomainRule(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }
}
