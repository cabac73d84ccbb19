package org.jointappeal.pledge;

/** The rules pledge-service enforces; each slug is a documented problem type (docs/problems.md). */
public enum DomainRule {
  UNKNOWN_CURRENCY("unknown-currency", "Unknown currency"),
  TOO_MANY_DECIMALS("too-many-decimals", "More decimals than the currency has"),
  AMOUNT_TOO_LARGE("amount-too-large", "The amount is too large"),
  MALFORMED_DECIMAL("malformed-decimal", "Not a decimal string"),
  AMOUNT_NOT_POSITIVE("amount-not-positive", "The amount must be greater than zero"),
  INVALID_RATE("invalid-rate", "Not a usable exchange rate"),
  MISSING_UNORE_RATE("missing-unore-rate", "No UN operational rate of exchange"),
  APPEAL_NOT_LAUNCHED("appeal-not-launched", "The appeal is not open for pledges"),
  PLEDGE_NOT_ANNOUNCED("pledge-not-announced", "The pledge is not in the announced state"),
  COMMITTED_BEFORE_ANNOUNCED("committed-before-announced", "Commitment dated before announcement"),
  DATE_IN_FUTURE("date-in-future", "A business date lies in the future"),
  DONOR_REQUIRED("donor-required", "The pledge must name its donor"),
  UNKNOWN_DONOR("unknown-donor", "The donor is not in the donors registry"),
  INVALID_DONOR_CODE("invalid-donor-code", "The code does not fit the kind of donor"),
  INVALID_IBAN("invalid-iban", "Not a valid IBAN"),
  IBAN_OF_ANOTHER_DONOR("iban-of-another-donor", "The IBAN belongs to another donor"),
  INVALID_PAYER_ACCOUNT("invalid-payer-account", "Not a valid payer account identifier"),
  ACCOUNT_OF_ANOTHER_DONOR("account-of-another-donor", "The account belongs to another donor"),
  NO_PAYER_ACCOUNT("no-payer-account", "The statement entry names no payer account"),
  EARMARKING_INCONSISTENT("earmarking-inconsistent", "The earmarking does not fit its level"),
  EARMARKING_TARGET_UNKNOWN(
      "earmarking-target-unknown", "The earmarking names no target of the appeal"),
  INSTALMENTS_NOT_SUMMING("instalments-not-summing", "The instalments do not sum to the pledge"),
  INSTALMENT_CURRENCY_DIFFERS(
      "instalment-currency-differs", "An instalment is in another currency than the pledge"),
  INSTALMENT_DUE_BEFORE_ANNOUNCEMENT(
      "instalment-due-before-announcement", "An instalment falls due before the announcement"),
  DATE_BEFORE_ANNOUNCEMENT("date-before-announcement", "A date lies before the announcement"),
  PLEDGE_NOT_REVALUABLE(
      "pledge-not-revaluable", "Only an unpaid announced or committed pledge is re-valued"),
  PLEDGE_NOT_CANCELLABLE("pledge-not-cancellable", "The pledge can no longer be cancelled"),
  NOTHING_TO_WRITE_OFF("nothing-to-write-off", "The pledge has no outstanding amount to write off"),
  PLEDGE_NOT_PAYABLE("pledge-not-payable", "The pledge cannot receive payments"),
  RECEIPT_REVERSED("receipt-reversed", "The receipt was reversed by the bank"),
  UNKNOWN_PLEDGE("unknown-pledge", "No such pledge"),
  UNKNOWN_INSTALMENT("unknown-instalment", "The pledge has no such instalment"),
  ALLOCATION_DONOR_DIFFERS(
      "allocation-donor-differs", "The receipt and the pledge are of different donors"),
  ALLOCATION_CURRENCY_DIFFERS(
      "allocation-currency-differs", "The receipt and the pledge are in different currencies"),
  ALLOCATION_EXCEEDS_RECEIPT(
      "allocation-exceeds-receipt", "More than the receipt's unallocated amount"),
  ALLOCATION_EXCEEDS_OUTSTANDING(
      "allocation-exceeds-outstanding", "More than the pledge's outstanding amount"),
  IDEMPOTENCY_KEY_REUSED(
      "idempotency-key-reused", "The Idempotency-Key was used for another request"),
  INVALID_RATE_TABLE("invalid-rate-table", "The rate table has errors; nothing was recorded"),
  INVALID_BANK_STATEMENT(
      "invalid-bank-statement", "The bank statement has errors; nothing was imported"),
  PAYER_ALREADY_IDENTIFIED(
      "payer-already-identified", "The statement entry already has a donor and a receipt");

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
