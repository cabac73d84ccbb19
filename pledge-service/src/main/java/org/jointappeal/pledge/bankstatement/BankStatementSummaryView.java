package org.jointappeal.pledge.bankstatement;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An imported statement in the list: what its import did, without its entries. A statement may
 * bring thousands of entries, so a page of statements carries none: GET /bank-statements/{id} has
 * them.
 */
public record BankStatementSummaryView(
    UUID id,
    @Schema(description = "Stmt/Id: the bank's statement id", example = "NDEA-1997-10-15-001")
        String statementId,
    @Schema(description = "Stmt/Acct/Id/IBAN: our account", example = "CH9300762011623852957")
        String accountIban,
    @Schema(description = "Stmt/CreDtTm, when it has an offset") Instant createdAtBank,
    BankStatementView.Summary summary,
    String importedBy,
    Instant importedAt) {

  static BankStatementSummaryView of(BankStatement s) {
    return new BankStatementSummaryView(
        s.id(),
        s.statementId(),
        s.accountIban(),
        s.createdAtBank(),
        BankStatementView.Summary.of(s),
        s.importedBy(),
        s.importedAt());
  }
}
