package org.jointappeal.pledge.receipt;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jointappeal.pledge.money.Money;
import org.jointappeal.pledge.pledge.PaymentApplied;

/**
 * (Part of) a receipt applied to a pledge. Its USD value is at the receipt's rate; the same
 * original amount at the pledge's rate is kept too, and the difference is the realised exchange
 * gain (positive) or loss (negative).
 */
@Entity
@Table(name = "allocation")
public class Allocation {

  @Id private UUID id;

  @Column(name = "receipt_id", nullable = false)
  private UUID receiptId;

  @Column(name = "pledge_id", nullable = false)
  private UUID pledgeId;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
  })
  private Money amount;

  @Column(name = "usd_amount", nullable = false, precision = 19, scale = 4)
  private BigDecimal usdAmount;

  @Column(name = "pledge_rate_usd", nullable = false, precision = 19, scale = 4)
  private BigDecimal pledgeRateUsd;

  @Column(name = "exchange_gain", nullable = false, precision = 19, scale = 4)
  private BigDecimal exchangeGain;

  @Column(name = "value_date", nullable = false)
  private LocalDate valueDate;

  /** The business date the money counts as paid: see {@link #paidOn()}. */
  @Column(name = "paid_on", nullable = false)
  private LocalDate paidOn;

  /** The business date its receipt's reversal undid it (never before {@link #paidOn()}). */
  @Column(name = "reversed_on")
  private LocalDate reversedOn;

  @Column(name = "reversed_at")
  private Instant reversedAt;

  @Column(name = "recorded_by", nullable = false, length = 200)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @ElementCollection
  @CollectionTable(
      name = "allocation_instalment",
      joinColumns = @JoinColumn(name = "allocation_id"))
  @OrderBy("instalmentNumber")
  private List<Part> parts = new ArrayList<>();

  /** The share of one instalment, in the pledge's currency (the allocation holds it). */
  @Embeddable
  public static class Part {
    @Column(name = "instalment_number", nullable = false)
    private int instalmentNumber;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    protected Part() {}

    Part(int instalmentNumber, BigDecimal amount) {
      this.instalmentNumber = instalmentNumber;
      this.amount = amount;
    }

    public int instalmentNumber() {
      return instalmentNumber;
    }

    public BigDecimal amount() {
      return amount;
    }
  }

  protected Allocation() {}

  /** {@code amount} of {@code receipt} applied to a pledge as {@code applied} says. */
  Allocation(
      Receipt receipt,
      PaymentApplied applied,
      Money amount,
      Money usd,
      String recordedBy,
      Instant recordedAt) {
    this(
        receipt.id(),
        applied.pledgeId(),
        amount,
        usd,
        applied.pledgeRateUsd(),
        applied.parts().stream()
            .map(p -> new Part(p.instalmentNumber(), p.amount().amount()))
            .toList(),
        receipt.valueDate(),
        applied.announcedOn(),
        recordedBy,
        recordedAt);
  }

  private Allocation(
      UUID receiptId,
      UUID pledgeId,
      Money amount,
      Money usd,
      Money pledgeRateUsd,
      List<Part> parts,
      LocalDate valueDate,
      LocalDate announcedOn,
      String recordedBy,
      Instant recordedAt) {
    this.id = UUID.randomUUID();
    this.receiptId = receiptId;
    this.pledgeId = pledgeId;
    this.amount = amount;
    this.usdAmount = usd.amount();
    this.pledgeRateUsd = pledgeRateUsd.amount();
    // both sides rounded once already: the difference of two cent amounts is exact
    this.exchangeGain = usd.amount().subtract(pledgeRateUsd.amount());
    this.parts.addAll(parts);
    this.valueDate = valueDate;
    this.paidOn = valueDate.isBefore(announcedOn) ? announcedOn : valueDate;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  /**
   * Its receipt was reversed on {@code on}: the movement committed to paid is negated as of that
   * date, or as of {@link #paidOn()} when the reversal is dated before the money counted as paid.
   */
  LocalDate reverse(LocalDate on, Instant now) {
    this.reversedOn = on.isBefore(paidOn) ? paidOn : on;
    this.reversedAt = now;
    return reversedOn;
  }

  public LocalDate reversedOn() {
    return reversedOn;
  }

  public Instant reversedAt() {
    return reversedAt;
  }

  public UUID id() {
    return id;
  }

  public UUID receiptId() {
    return receiptId;
  }

  public UUID pledgeId() {
    return pledgeId;
  }

  public Money amount() {
    return amount;
  }

  public Money usdAmount() {
    return Money.of(usdAmount, "USD");
  }

  public Money pledgeRateUsd() {
    return Money.of(pledgeRateUsd, "USD");
  }

  public Money exchangeGain() {
    return Money.of(exchangeGain, "USD");
  }

  public LocalDate valueDate() {
    return valueDate;
  }

  /**
   * The business date of the allocation's movement (committed to paid): the receipt's value date,
   * or the pledge's announcement date when the money arrived before the pledge existed. Figures as
   * of a date before it do not count this money as paid to the pledge.
   */
  public LocalDate paidOn() {
    return paidOn;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public List<Part> parts() {
    return List.copyOf(parts);
  }
}
