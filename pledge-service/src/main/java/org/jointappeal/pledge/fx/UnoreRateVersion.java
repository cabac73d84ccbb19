package org.jointappeal.pledge.fx;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One version of a UNORE rate: the first recording, or a correction of it (who, when, the value it
 * replaced, why). Never changed once written.
 */
@Entity
@Table(name = "unore_rate_version")
public class UnoreRateVersion {

  @Id private UUID id;

  @Column(name = "rate_id", nullable = false)
  private UUID rateId;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "effective_from", nullable = false)
  private LocalDate effectiveFrom;

  @Column(nullable = false)
  private int version;

  @Column(name = "units_per_usd", nullable = false, precision = 19, scale = 6)
  private BigDecimal unitsPerUsd;

  @Column(name = "previous_units_per_usd", precision = 19, scale = 6)
  private BigDecimal previousUnitsPerUsd;

  @Column(length = 300)
  private String reason;

  @Column(name = "recorded_by", nullable = false, length = 200)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected UnoreRateVersion() {}

  UnoreRateVersion(
      UnoreRate rate,
      BigDecimal previousUnitsPerUsd,
      String reason,
      String recordedBy,
      Instant recordedAt) {
    this.id = UUID.randomUUID();
    this.rateId = rate.id();
    this.currency = rate.currency();
    this.effectiveFrom = rate.effectiveFrom();
    this.version = rate.version();
    this.unitsPerUsd = rate.unitsPerUsd();
    this.previousUnitsPerUsd = previousUnitsPerUsd;
    this.reason = reason;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public String currency() {
    return currency;
  }

  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  public int version() {
    return version;
  }

  public BigDecimal unitsPerUsd() {
    return unitsPerUsd;
  }

  public BigDecimal previousUnitsPerUsd() {
    return previousUnitsPerUsd;
  }

  public String reason() {
    return reason;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public Instant recordedAt() {
    return recordedAt;
  }
}
