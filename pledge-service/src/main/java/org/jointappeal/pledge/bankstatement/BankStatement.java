package org.jointappeal.pledge.bankstatement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An imported camt.053 statement, identified by the bank's statement id for our account, with what
 * its import did. Written once: a repeated import answers with it and changes nothing.
 */
@Entity
@Table(name = "bank_statement")
public class BankStatement {

  @Id private UUID id;

  @Column(name = "statement_id", nullable = false, length = 35)
  private String statementId;

  @Column(name = "account_iban", nullable = false, length = 34)
  private String accountIban;

  @Column(name = "created_at_bank")
  private Instant createdAtBank;

  @Column(nullable = false)
  private int entries;

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

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  protected BankStatement() {}

  BankStatement(
      String statementId,
      String accountIban,
      Instant createdAtBank,
      int entries,
      String importedBy,
      Instant importedAt) {
    this.id = UUID.randomUUID();
    this.statementId = statementId;
    this.accountIban = accountIban;
    this.createdAtBank = createdAtBank;
    this.entries = entries;
    this.importedBy = importedBy;
    this.importedAt = importedAt;
  }

  void debitIgnored() {
    debitsIgnored++;
  }

  void reversal() {
    reversals++;
  }

  public int reversals() {
    return reversals;
  }

  void pendingIgnored() {
    notBookedIgnored++;
  }

  /** A booked credit; already seen for this account (an overlapping statement) or new. */
  void credit(boolean duplicate) {
    credits++;
    if (duplicate) {
      duplicatesSkipped++;
    }
  }

  void taken(EntryMatching matching, boolean receiptCreated) {
    if (receiptCreated) {
      receiptsCreated++;
    }
    if (matching == EntryMatching.AUTO_MATCHED) {
      autoMatched++;
    } else {
      unmatched++;
    }
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

  public int entries() {
    return entries;
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

  public String importedBy() {
    return importedBy;
  }

  public Instant importedAt() {
    return importedAt;
  }
}
