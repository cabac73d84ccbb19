package org.jointappeal.pledge.receipt;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.fx.UsdValue;
import org.jointappeal.pledge.money.Money;

/**
 * Money received from a donor, valued in USD at the UNORE in force on its value date. What is not
 * allocated to pledges stays on it as the donor's credit.
 */
@Entity
@Table(name = "receipt")
public class Receipt {

  @Id private UUID id;

  @Column(name = "donor_code", nullable = false, length = 3)
  private DonorCode donorCode;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
  })
  private Money amount;

  @Embedded private UsdValue valuation;

  @Column(name = "value_date", nullable = false)
  private LocalDate valueDate;

  @Column(name = "bank_reference", nullable = false, length = 100)
  private String bankReference;

  @Column(name = "remittance_text", length = 500)
  private String remittanceText;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal allocated;

  /** Bank charges deducted from the credit (camt.053 Chrgs); null if none were given. */
  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "charges_amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "charges_currency"))
  })
  private Money charges;

  @Column(name = "reversed_on")
  private LocalDate reversedOn;

  @Column(name = "reversed_at")
  private Instant reversedAt;

  @Column(name = "reversal_reference", length = 100)
  private String reversalReference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ReceiptSource source;

  @Column(name = "recorded_by", nullable = false, length = 200)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Version private long version;

  protected Receipt() {}

  Receipt(
      DonorCode donorCode,
      Money amount,
      UsdValue value,
      LocalDate valueDate,
      String bankReference,
      String remittanceText,
      ReceiptSource source,
      String recordedBy,
      Instant recordedAt) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a receipt is for a positive amount");
    }
    this.id = UUID.randomUUID();
    this.donorCode = donorCode;
    this.amount = amount;
    this.valuation = value;
    this.valueDate = valueDate;
    this.bankReference = bankReference;
    this.remittanceText = remittanceText;
    this.allocated = BigDecimal.ZERO;
    this.source = source;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  /**
   * Takes part of the unallocated amount, never more than is left, never another currency; returns
   * the part's share of the receipt's USD value. The receipt's USD value was fixed once, at its
   * value-date rate: each allocation takes the rounded value of everything allocated so far less
   * what earlier allocations took, and the one that empties the receipt takes the remainder. So the
   * allocations' USD values always add up to the USD value of the part allocated, and the
   * unallocated part keeps the rest (CHF 100.00 at 1.46 is USD 68.49 however it is split).
   */
  Money allocate(Money part) {
    if (reversedOn != null) {
      throw DomainRuleViolation.of(
          DomainRule.RECEIPT_REVERSED,
          "receipt %s was reversed on %s: nothing can be allocated".formatted(id, reversedOn));
    }
    if (!part.isIn(amount.currency())) {
      throw DomainRuleViolation.of(
          DomainRule.ALLOCATION_CURRENCY_DIFFERS,
          "receipt %s is in %s, the allocation in %s"
              .formatted(id, amount.currency(), part.currency()));
    }
    if (part.amount().compareTo(unallocated().amount()) > 0) {
      throw DomainRuleViolation.of(
          DomainRule.ALLOCATION_EXCEEDS_RECEIPT,
          "%s %s is more than the %s %s left unallocated on receipt %s"
              .formatted(
                  part.amount().toPlainString(),
                  part.currency(),
                  unallocated().amount().toPlainString(),
                  amount.currency(),
                  id));
    }
    BigDecimal usdBefore = valuation.ofFirst(allocated, amount);
    allocated = allocated.add(part.amount());
    return Money.of(valuation.ofFirst(allocated, amount).subtract(usdBefore), "USD");
  }

  /** The part of the receipt's USD value that no allocation has taken yet. */
  public Money unallocatedUsd() {
    return Money.of(valuation.usdAmount().subtract(valuation.ofFirst(allocated, amount)), "USD");
  }

  public Money unallocated() {
    return Money.of(amount.amount().subtract(allocated), amount.currency());
  }

  /**
   * A change written outside the persistence context (a bank statement import writes its receipts
   * in JDBC batches) counts in the version as a flush would, so the events carry the version the
   * row is written with.
   */
  void nextVersion() {
    version++;
  }

  /** The bank charges shown on the credit. */
  void charged(Money charges) {
    this.charges = charges;
  }

  /** The bank reversed the credit on {@code on} (its booking date); once only. */
  void reverse(LocalDate on, String reference, Instant now) {
    if (reversedOn != null) {
      throw DomainRuleViolation.of(
          DomainRule.RECEIPT_REVERSED, "receipt %s was reversed on %s".formatted(id, reversedOn));
    }
    this.reversedOn = on;
    this.reversedAt = now;
    this.reversalReference = reference;
  }

  public Money charges() {
    return charges;
  }

  public LocalDate reversedOn() {
    return reversedOn;
  }

  public String reversalReference() {
    return reversalReference;
  }

  public ReceiptStatus status() {
    if (reversedOn != null) {
      return ReceiptStatus.REVERSED;
    }
    if (allocated.signum() == 0) {
      return ReceiptStatus.UNALLOCATED;
    }
    return unallocated().isPositive() ? ReceiptStatus.PARTIALLY_ALLOCATED : ReceiptStatus.ALLOCATED;
  }

  public ReceiptSource source() {
    return source;
  }

  public Money allocated() {
    return Money.of(allocated, amount.currency());
  }

  public UUID id() {
    return id;
  }

  public DonorCode donorCode() {
    return donorCode;
  }

  public Money amount() {
    return amount;
  }

  /** The USD value at the value date's rate, and that rate. */
  public UsdValue valuation() {
    return valuation;
  }

  public LocalDate valueDate() {
    return valueDate;
  }

  public String bankReference() {
    return bankReference;
  }

  public String remittanceText() {
    return remittanceText;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public long version() {
    return version;
  }
}
