package org.jointappeal.pledge.bankstatement;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A statement in the list: where its import stands and, once imported, what it did, without its
 * entries. A statement may bring thousands of entries, so a page of statements carries none: GET
 * /bank-statements/{id} has them.
 */
public record BankStatementSummaryView(
    UUID id,
    @Schema(description = "Stmt/Id: the bank's statement id", example = "NDEA-1997-10-15-001")
        String statementId,
    @Schema(description = "Stmt/Acct/Id/IBAN: our account", example = "CH9300762011623852957")
        String accountIban,
    @Schema(description = "Stmt/CreDtTm, when it has an offset") Instant createdAtBank,
    BankStatementStatus status,
    @Schema(description = "Entries taken so far: the progress while IMPORTING")
        int entriesProcessed,
    @Schema(description = "Entries of the file (each transaction of a batch booking counts)")
        int entriesTotal,
    @Schema(description = "What the import did; null until IMPORTED")
        BankStatementView.Summary summary,
    @Schema(description = "Why it was REFUSED or FAILED (nothing of it was written); else null")
        BankStatementView.Refusal refusal,
    String importedBy,
    @Schema(description = "When the file was received") Instant receivedAt,
    @Schema(description = "When its import committed; null until IMPORTED") Instant importedAt) {

  static BankStatementSummaryView of(BankStatement s) {
    return new BankStatementSummaryView(
        s.id(),
        s.statementId(),
        s.accountIban(),
        s.createdAtBank(),
        s.status(),
        s.entriesProcessed(),
        s.entries(),
        BankStatementView.Summary.ifImported(s),
        BankStatementView.Refusal.of(s),
        s.importedBy(),
        s.receivedAt(),
        s.importedAt());
  }
}
