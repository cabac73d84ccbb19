package org.jointappeal.pledge.bankstatement;

/**
 * The body is not well-formed XML, or declares a document type (refused: no DTDs, no entities).
 * Answered as 400; the detail is the parser's message, which names the line and column.
 */
public final class UnreadableStatement extends RuntimeException {

  UnreadableStatement(String detail) {
    super(detail, null, false, false);
  }
}
