package org.jointappeal.pledge.forecast;

import java.time.LocalDate;

/**
 * The forecast's input port: the facts known as of a business date. A later step implements it on
 * the pledge-service ledger ("as of" and "known at"); tests and the back-test implement it on a
 * generated history. The forecast truncates what it is given to {@code asOf} all the same ({@link
 * CashHistory#asOf}), so an adapter that returns too much cannot make it look ahead.
 */
public interface CashFacts {

  /** Every appeal, pledge, instalment, payment and rate known as of {@code asOf}. */
  CashHistory asOf(LocalDate asOf);
}
