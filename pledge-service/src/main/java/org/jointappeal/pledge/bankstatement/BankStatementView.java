package org.jointappeal.pledge.bankstatement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.Money;

/** A statement: where its import stands and, once imported, what it did and each credit taken. */
public record BankStatementView(
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
    @Schema(description = "What the import did; null until IMPORTED") Summary summary,
    @Schema(description = "The booked credits taken (not debits, pending or duplicate entries)")
        List<Entry> entries,
    @Schema(description = "Why it was REFUSED or FAILED (nothing of it was written); else null")
        Refusal refusal,
    String importedBy,
    @Schema(description = "When the file was received") Instant receivedAt,
    @Schema(description = "When its import committed; null until IMPORTED") Instant importedAt) {

  /** The problem the file met, as a synchronous import would have answered it. */
  public record Refusal(
      @Schema(example = "https://jointappeal.org/problems/missing-unore-rate") String type,
      String title,
      String detail,
      List<Fault> errors) {

    /** One place at fault, e.g. Ntry[2]/Amt. */
    public record Fault(String field, String message) {}

    /** The statement's refusal; null when it was not refused and did not fail. */
    static Refusal of(BankStatement s) {
      var refusal = s.refusal();
      return refusal == null
          ? null
          : new Refusal(
              PROBLEM_TYPES + refusal.type(),
              refusal.title(),
              refusal.detail(),
              refusal.errors().stream().map(e -> new Fault(e.field(), e.message())).toList());
    }
  }

  /** The problem types' base, as the problem answers write it. */
  private static final String PROBLEM_TYPES = "https://jointappeal.org/problems/";

  /** What the first import did; a repeated import answers with the same counts. */
  public record Summary(
      @Schema(description = "All Ntry of the statement") int entries,
      @Schema(description = "Booked credits (CRDT, BOOK), duplicates included") int credits,
      @Schema(description = "DBIT entries: money out is not a receipt") int debitsIgnored,
      @Schema(
              description =
                  "Entries not booked (PDNG, INFO): taken when a later statement books them")
          int notBookedIgnored,
      @Schema(description = "Credits an earlier statement of the account already brought")
          int duplicatesSkipped,
      int receiptsCreated,
      int autoMatched,
      @Schema(description = "Unmatched or unidentified: waiting in GET /unmatched-receipts")
          int unmatched,
      @Schema(
              description =
                  "Debits that reversed an earlier credit (RvslInd, or naming its AcctSvcrRef or"
                      + " EndToEndId): its receipt's allocations were reversed")
          int reversals) {

    static Summary of(BankStatement s) {
      return new Summary(
          s.entries(),
          s.credits(),
          s.debitsIgnored(),
          s.notBookedIgnored(),
          s.duplicatesSkipped(),
          s.receiptsCreated(),
          s.autoMatched(),
          s.unmatched(),
          s.reversals());
    }

    /** What the import did once IMPORTED; null before, and when refused or failed. */
    static Summary ifImported(BankStatement s) {
      return s.status() == BankStatementStatus.IMPORTED ? of(s) : null;
    }
  }

  public record Entry(
      UUID id,
      @Schema(description = "Ntry's position in the file, from 1") int position,
      @Schema(
              description =
                  "The transaction's number in a batch booking (several TxDtls), from 1; 0 for a"
                      + " single booking")
          int transactionIndex,
      @Schema(description = "AcctSvcrRef, else NtryRef", example = "NDEA-19971015-0042")
          String entryReference,
      Money amount,
      LocalDate valueDate,
      EntryMatching matching,
      @Schema(example = "NOR") String donorCode,
      UUID receiptId,
      @Schema(description = "The pledge it was allocated to automatically") UUID pledgeId,
      @Schema(description = "Chrgs: bank charges deducted, when the bank gave them") Money charges,
      @Schema(description = "The booking date of the reversal that undid it, if any")
          LocalDate reversedOn) {

    static Entry of(StatementEntry e) {
      return new Entry(
          e.id(),
          e.position(),
          e.transactionIndex(),
          e.entryReference(),
          e.amount(),
          e.valueDate(),
          e.matching(),
          e.donorCode() == null ? null : e.donorCode().value(),
          e.receiptId(),
          e.pledgeId(),
          e.charges(),
          e.reversedOn());
    }
  }

  static BankStatementView of(BankStatement s, List<StatementEntry> entries) {
    return new BankStatementView(
        s.id(),
        s.statementId(),
        s.accountIban(),
        s.createdAtBank(),
        s.status(),
        s.entriesProcessed(),
        s.entries(),
        Summary.ifImported(s),
        entries.stream().map(Entry::of).toList(),
        Refusal.of(s),
        s.importedBy(),
        s.receivedAt(),
        s.importedAt());
  }
}
