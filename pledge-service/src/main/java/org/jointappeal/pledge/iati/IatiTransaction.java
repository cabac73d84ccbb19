package org.jointappeal.pledge.iati;

import java.time.LocalDate;
import org.jointappeal.pledge.money.Money;

/**
 * One IATI transaction of the appeal, in the original currency: {@code valueDate} is the date whose
 * UN operational rate of exchange valued it (a pledge's announcement date, also for its commitment;
 * a receipt's value date for incoming funds).
 */
record IatiTransaction(
    Type type,
    LocalDate date,
    Money value,
    LocalDate valueDate,
    String providerRef,
    String providerName,
    String description) {

  /** IATI TransactionType codes pledge-service reports (all incoming to the appeal). */
  enum Type {
    INCOMING_FUNDS("1"),
    INCOMING_COMMITMENT("11"),
    INCOMING_PLEDGE("13");

    private final String code;

    Type(String code) {
      this.code = code;
    }

    String code() {
      return code;
    }
  }
}
