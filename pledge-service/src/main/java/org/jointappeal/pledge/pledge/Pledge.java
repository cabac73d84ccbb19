package org.jointappeal.pledge.pledge;

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
import org.jointappeal.pledge.donor.DonorCode;
import org.jointappeal.pledge.fx.UsdValue;
import org.jointappeal.pledge.money.Money;

/** A donor's pledge to an appeal, valued in USD at the UNORE in force on its announcement date. */
@Entity
@Table(name = "pledge")
public class Pledge {

  @Id private UUID id;

  @Column(name = "appeal_code", nullable = false, length = 32)
  private String appealCode;

  @Column(name = "donor_code", nullable = false, length = 3)
  private DonorCode donorCode;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
  })
  private Money amount;

  @Column(name = "usd_amount", nullable = false, precision = 19, scale = 4)
  private BigDecimal usdAmount;

  @Column(name = "units_per_usd", nullable = false, precision = 19, scale = 6)
  private BigDecimal unitsPerUsd;

  @Column(name = "rate_effective_from", nullable = false)
  private LocalDate rateEffectiveFrom;

  @Column(name = "announced_on", nullable = false)
  private LocalDate announcedOn;

  @Column(length = 300)
  private String occasion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PledgeStatus status;

  @Column(name = "agreement_reference", length = 100)
  private String agreementReference;

  @Column(name = "committed_on")
  private LocalDate committedOn;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Pledge() {}

  Pledge(
      String appealCode,
      DonorCode donorCode,
      Money amount,
      UsdValue value,
      LocalDate announcedOn,
      String occasion,
      Instant createdAt) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a pledge is for a positive amount");
    }
    this.id = UUID.randomUUID();
    this.appealCode = appealCode;
    this.donorCode = donorCode;
    this.amount = amount;
    this.usdAmount = value.usd().amount();
    this.unitsPerUsd = value.unitsPerUsd();
    this.rateEffectiveFrom = value.rateEffectiveFrom();
    this.announcedOn = announcedOn;
    this.occasion = occasion;
    this.status = PledgeStatus.ANNOUNCED;
    this.createdAt = createdAt;
  }

  /** A signed agreement turns the announcement into a commitment: from now on it is funding. */
  void commit(String agreementReference, LocalDate signedOn) {
    if (status != PledgeStatus.ANNOUNCED) {
      throw DomainRuleViolation.of(
          DomainRule.PLEDGE_NOT_ANNOUNCED, "pledge " + id + " is " + status + ", not ANNOUNCED");
    }
    if (signedOn.isBefore(announcedOn)) {
      throw DomainRuleViolation.of(
          DomainRule.COMMITTED_BEFORE_ANNOUNCED,
          "signed on %s, before the announcement on %s".formatted(signedOn, announcedOn));
    }
    this.status = PledgeStatus.COMMITTED;
    this.agreementReference = agreementReference;
    this.committedOn = signedOn;
  }

  public UUID id() {
    return id;
  }

  public String appealCode() {
    return appealCode;
  }

  public DonorCode donorCode() {
    return donorCode;
  }

  public Money amount() {
    return amount;
  }

  public Money usdValue() {
    return Money.of(usdAmount, "USD");
  }

  public BigDecimal unitsPerUsd() {
    return unitsPerUsd;
  }

  public LocalDate rateEffectiveFrom() {
    return rateEffectiveFrom;
  }

  public LocalDate announcedOn() {
    return announcedOn;
  }

  public String occasion() {
    return occasion;
  }

  public PledgeStatus status() {
    return status;
  }

  public String agreementReference() {
    return agreementReference;
  }

  public LocalDate committedOn() {
    return committedOn;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }
}
