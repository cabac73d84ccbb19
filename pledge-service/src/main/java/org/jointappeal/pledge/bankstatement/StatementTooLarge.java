package org.jointappeal.pledge.bankstatement;

/** A statement file above {@code pledge.bank-statements.max-size}: answered as 413. */
public final class StatementTooLarge extends RuntimeException {

  StatementTooLarge(long size, long max) {
    super(
        "the statement has %d bytes, at most %d are accepted".formatted(size, max),
        null,
        false,
        false);
  }
}
