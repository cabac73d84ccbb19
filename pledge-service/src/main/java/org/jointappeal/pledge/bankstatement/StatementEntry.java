package org.jointappeal.pledge.bankstatement;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.donor.PayerAccount;
import org.jointappeal.pledge.money.Money;

/**
 * A booked credit taken from a statement, unique per account by its bank reference. It keeps what
 * matching needs (payer IBAN, references, remittance text) and what became of it.
 */
@Entity
@Table(name = "statement_entry")
public class StatementEntry {

  private static final int TEXT_MAX = 500;

  @Id private UUID id;

  @Column(name = "bank_statement_id", nullable = false)
  private UUID bankStatementId;

  @Column(nullable = false)
  private int position;

  @Column(name = "account_iban", nullable = false, length = 34)
  private String accountIban;

  @Column(name = "entry_reference", nullable = false, length = 35)
  private String entryReference;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
  })
  private Money amount;

  @Column(name = "value_date", nullable = false)
  private LocalDate valueDate;

  @Column(name = "debtor_iban", length = 34)
  private String debtorIban;

  /** The transaction's number in a batch booking (from 1); 0 for a single booking. */
  @Column(name = "transaction_index", nullable = false)
  private int transactionIndex;

  @Column(name = "debtor_account_scheme", length = 35)
  private String debtorAccountScheme;

  @Column(name = "debtor_account_id", length = 34)
  private String debtorAccountId;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "charges_amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "charges_currency"))
  })
  private Money charges;

  @Column(name = "reversed_on")
  private LocalDate reversedOn;

  @Column(name = "reversal_reference", length = 35)
  private String reversalReference;

  @Column(name = "end_to_end_id", length = TEXT_MAX)
  private String endToEndId;

  @Column(name = "remittance_text", length = TEXT_MAX)
  private String remittanceText;

  @Column(name = "creditor_reference", length = TEXT_MAX)
  private String creditorReference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private EntryMatching matching;

  @Column(name = "donor_code", length = 3)
  private DonorCode donorCode;

  @Column(name = "receipt_id")
  private UUID receiptId;

  @Column(name = "pledge_id")
  private UUID pledgeId;

  @Version private long version;

  protected StatementEntry() {}

  StatementEntry(UUID bankStatementId, String accountIban, Camt053.Entry entry) {
    this.id = UUID.randomUUID();
    this.bankStatementId = bankStatementId;
    this.position = entry.position();
    this.accountIban = accountIban;
    this.entryReference = entry.reference();
    this.amount = entry.amount();
    this.valueDate = entry.valueDate();
    this.debtorIban = entry.debtorIban();
    this.transactionIndex = entry.transactionIndex();
    if (entry.debtorAccount() != null) {
      this.debtorAccountScheme = entry.debtorAccount().scheme();
      this.debtorAccountId = entry.debtorAccount().identifier();
    }
    this.charges = entry.charges();
    this.endToEndId = joined(entry.endToEndIds());
    this.remittanceText = joined(entry.remittanceTexts());
    this.creditorReference = joined(entry.creditorReferences());
    this.matching = EntryMatching.UNIDENTIFIED;
  }

  private static String joined(List<String> parts) {
    if (parts.isEmpty()) {
      return null;
    }
    String all = String.join(" ", parts);
    return all.length() > TEXT_MAX ? all.substring(0, TEXT_MAX) : all;
  }

  /** The payer is a known donor and its receipt is recorded; no pledge matched with confidence. */
  void received(DonorCode donor, UUID receiptId) {
    if (this.receiptId != null) {
      throw DomainRuleViolation.of(
          DomainRule.PAYER_ALREADY_IDENTIFIED,
          "statement entry %s already has donor %s and receipt %s"
              .formatted(id, donorCode, this.receiptId));
    }
    this.donorCode = donor;
    this.receiptId = receiptId;
    this.matching = EntryMatching.UNMATCHED;
  }

  /** The receipt was allocated automatically to the one matching pledge. */
  void autoMatched(UUID pledgeId) {
    this.pledgeId = pledgeId;
    this.matching = EntryMatching.AUTO_MATCHED;
  }

  /** A later entry (RvslInd, or a debit naming this one) reversed it on {@code on}. */
  void reversed(LocalDate on, String reference) {
    this.reversedOn = on;
    this.reversalReference = reference;
  }

  /** Everything matching reads, in one text: EndToEndId, Ustrd and the creditor references. */
  String referenceText() {
    var text = new StringBuilder();
    for (String part : new String[] {endToEndId, remittanceText, creditorReference}) {
      if (part != null) {
        text.append(part).append(' ');
      }
    }
    return text.toString();
  }

  public UUID id() {
    return id;
  }

  public UUID bankStatementId() {
    return bankStatementId;
  }

  String accountIban() {
    return accountIban;
  }

  public int position() {
    return position;
  }

  public String entryReference() {
    return entryReference;
  }

  public Money amount() {
    return amount;
  }

  public LocalDate valueDate() {
    return valueDate;
  }

  public String debtorIban() {
    return debtorIban;
  }

  public String endToEndId() {
    return endToEndId;
  }

  public String remittanceText() {
    return remittanceText;
  }

  public String creditorReference() {
    return creditorReference;
  }

  public int transactionIndex() {
    return transactionIndex;
  }

  /** The payer's account other than an IBAN ({@code Othr/Id}); null if none was given. */
  public PayerAccount debtorAccount() {
    return debtorAccountId == null ? null : PayerAccount.of(debtorAccountScheme, debtorAccountId);
  }

  /** The bank charges of the entry ({@code Chrgs}); null if none. */
  public Money charges() {
    return charges;
  }

  public LocalDate reversedOn() {
    return reversedOn;
  }

  public String reversalReference() {
    return reversalReference;
  }

  public EntryMatching matching() {
    return matching;
  }

  public DonorCode donorCode() {
    return donorCode;
  }

  public UUID receiptId() {
    return receiptId;
  }

  public UUID pledgeId() {
    return pledgeId;
  }
}
