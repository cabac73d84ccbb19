package org.jointappeal.pledge.bankstatement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A camt.053 statement, identified by the bank's statement id for our account, with where its
 * import stands and, once imported, what the import did. A repeated import answers with it and
 * changes nothing. Its counts are written once, by the import's own transaction; its status and
 * progress while the import runs, by short transactions of their own, so they can be read
 * meanwhile.
 */
@Entity
@Table(name = "bank_statement")
public class BankStatement {

  private static final int DETAIL_MAX = 2000;

  @Id private UUID id;

  @Column(name = "statement_id", nullable = false, length = 35)
  private String statementId;

  @Column(name = "account_iban", nullable = false, length = 34)
  private String accountIban;

  @Column(name = "created_at_bank")
  private Instant createdAtBank;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private BankStatementStatus status;

  /** The entries (one per transaction of a batch booking) the file holds. */
  @Column(nullable = false)
  private int entries;

  @Column(name = "entries_processed", nullable = false)
  private int entriesProcessed;

  @Column(nullable = false)
  private int credits;

  @Column(name = "debits_ignored", nullable = false)
  private int debitsIgnored;

  @Column(name = "not_booked_ignored", nullable = false)
  private int notBookedIgnored;

  @Column(name = "duplicates_skipped", nullable = false)
  private int duplicatesSkipped;

  @Column(name = "receipts_created", nullable = false)
  private int receiptsCreated;

  @Column(name = "auto_matched", nullable = false)
  private int autoMatched;

  @Column(nullable = false)
  private int unmatched;

  /** Debits that reversed an earlier credit (RvslInd, or naming it). */
  @Column(nullable = false)
  private int reversals;

  @Column(name = "imported_by", nullable = false, length = 200)
  private String importedBy;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  /** When the import committed; null until then. */
  @Column(name = "imported_at")
  private Instant importedAt;

  /** How many times an import of it began (one interrupted by a stop begins again). */
  @Column(nullable = false)
  private int attempts;

  @Column(name = "refusal_type", length = 100)
  private String refusalType;

  @Column(name = "refusal_title", length = 200)
  private String refusalTitle;

  @Column(name = "refusal_detail", length = DETAIL_MAX)
  private String refusalDetail;

  @Column(name = "refusal_errors")
  private String refusalErrors;

  protected BankStatement() {}

  BankStatement(
      Camt053.Header header,
      int entries,
      BankStatementStatus status,
      String importedBy,
      Instant receivedAt) {
    this.id = UUID.randomUUID();
    this.statementId = header.id();
    this.accountIban = header.accountIban();
    this.createdAtBank = header.createdAt();
    this.entries = entries;
    this.status = status;
    this.importedBy = importedBy;
    this.receivedAt = receivedAt;
  }

  /** An import of it begins (again, after an interruption): nothing of it is done yet. */
  void started() {
    status = BankStatementStatus.IMPORTING;
    entriesProcessed = 0;
    attempts++;
  }

  void processed(int entriesSoFar) {
    entriesProcessed = entriesSoFar;
  }

  void imported(ImportTally tally, Instant at) {
    status = BankStatementStatus.IMPORTED;
    entriesProcessed = entries;
    credits = tally.credits();
    debitsIgnored = tally.debitsIgnored();
    notBookedIgnored = tally.notBookedIgnored();
    duplicatesSkipped = tally.duplicatesSkipped();
    receiptsCreated = tally.receiptsCreated();
    autoMatched = tally.autoMatched();
    unmatched = tally.unmatched();
    reversals = tally.reversals();
    importedAt = at;
  }

  /** A rule refused the file (REFUSED), or the import broke (FAILED): nothing was written. */
  void ended(BankStatementStatus outcome, Refusal why) {
    status = outcome;
    refusalType = why.type();
    refusalTitle = why.title();
    refusalDetail =
        why.detail() != null && why.detail().length() > DETAIL_MAX
            ? why.detail().substring(0, DETAIL_MAX)
            : why.detail();
    refusalErrors = why.errorsJson();
  }

  public UUID id() {
    return id;
  }

  public String statementId() {
    return statementId;
  }

  public String accountIban() {
    return accountIban;
  }

  public Instant createdAtBank() {
    return createdAtBank;
  }

  public BankStatementStatus status() {
    return status;
  }

  public int entries() {
    return entries;
  }

  public int entriesProcessed() {
    return entriesProcessed;
  }

  public int credits() {
    return credits;
  }

  public int debitsIgnored() {
    return debitsIgnored;
  }

  public int notBookedIgnored() {
    return notBookedIgnored;
  }

  public int duplicatesSkipped() {
    return duplicatesSkipped;
  }

  public int receiptsCreated() {
    return receiptsCreated;
  }

  public int autoMatched() {
    return autoMatched;
  }

  public int unmatched() {
    return unmatched;
  }

  public int reversals() {
    return reversals;
  }

  public String importedBy() {
    return importedBy;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Instant importedAt() {
    return importedAt;
  }

  public int attempts() {
    return attempts;
  }

  /** Why it was refused or failed; null otherwise. */
  Refusal refusal() {
    return refusalType == null
        ? null
        : new Refusal(refusalType, refusalTitle, refusalDetail, Refusal.errorsOf(refusalErrors));
  }
}
