package org.jointappeal.pledge.bankstatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;

/**
 * Where a background import stands, each change in a short transaction of its own, so that the
 * statement resource shows it while the import's own transaction is still open (and whatever
 * becomes of that transaction).
 */
@ApplicationScoped
class ImportProgress {

  private final BankStatementRepository statements;

  ImportProgress(BankStatementRepository statements) {
    this.statements = statements;
  }

  @Transactional(TxType.REQUIRES_NEW)
  void started(UUID statementId) {
    statements.findById(statementId).started();
  }

  /**
   * Only the one column: the import's transaction holds a key-share lock on the row (its entries
   * refer to it), which this update does not wait for.
   */
  @Transactional(TxType.REQUIRES_NEW)
  void processed(UUID statementId, int entries) {
    statements
        .getEntityManager()
        .createNativeQuery("update bank_statement set entries_processed = ?1 where id = ?2")
        .setParameter(1, entries)
        .setParameter(2, statementId)
        .executeUpdate();
  }

  /** Refused or failed: only the status and the reason remain, the file is gone. */
  @Transactional(TxType.REQUIRES_NEW)
  void ended(UUID statementId, BankStatementStatus outcome, Refusal why) {
    statements.findById(statementId).ended(outcome, why);
    statements.deleteFile(statementId);
  }
}
