package org.jointappeal.appeal;

/** The rules appeal-service enforces; each slug is a documented problem type (docs/problems.md). */
public enum DomainRule {
  UNKNOWN_CURRENCY("unknown-currency", "Unknown currency"),
  TOO_MANY_DECIMALS("too-many-decimals", "More decimals than the currency has"),
  AMOUNT_TOO_LARGE("amount-too-large", "The amount is too large"),
  MALFORMED_DECIMAL("malformed-decimal", "Not a decimal string"),
  AMOUNT_NOT_POSITIVE("amount-not-positive", "The amount must be greater than zero"),
  REQUIREMENTS_NOT_IN_USD("requirements-not-in-usd", "Requirements are stated in USD"),
  APPEAL_EXISTS("appeal-exists", "An appeal with this code exists"),
  PERIOD_REVERSED("period-reversed", "The period ends before it starts"),
  UNKNOWN_COUNTRY("unknown-country", "Not an ISO 3166-1 alpha-3 country code"),
  AGENCY_NOT_ISSUING("agency-not-issuing", "The line's agency does not issue this appeal"),
  APPEAL_NOT_DRAFT("appeal-not-draft", "Only a draft appeal can be changed this way"),
  NO_REQUIREMENTS("no-requirements", "An appeal needs requirement lines to be launched"),
  APPEAL_NOT_OPEN("appeal-not-open", "Only a launched appeal can be revised or closed"),
  REVISION_OUT_OF_ORDER(
      "revision-out-of-order", "A revision takes effect before the revision it follows"),
  LAUNCH_DATE_IN_FUTURE("launch-date-in-future", "An appeal cannot be launched on a future date"),
  UNKNOWN_REQUIREMENT_LINE(
      "unknown-requirement-line", "Not a current requirement line of this appeal"),
  IDEMPOTENCY_KEY_REUSED(
      "idempotency-key-reused", "The Idempotency-Key was used for another request");

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
