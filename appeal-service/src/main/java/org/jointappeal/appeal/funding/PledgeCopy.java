package org.jointappeal.appeal.funding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * appeal-service's copy of a pledge, from {@code pledge-events}; pledge-service owns the pledge.
 */
@Entity
@Table(name = "pledge_copy")
public class PledgeCopy {

  @Id
  @Column(name = "pledge_id")
  private UUID pledgeId;

  @Column(name = "appeal_code", nullable = false, length = 32)
  private String appealCode;

  @Column(name = "donor_code", nullable = false, length = 3)
  private String donorCode;

  @Column(nullable = false, length = 16)
  private String status;

  @Column(name = "usd_amount", nullable = false, precision = 19, scale = 4)
  private BigDecimal usdAmount;

  /** pledge-service's aggregate version: an older state never overwrites a newer one. */
  @Column(name = "aggregate_version", nullable = false)
  private long aggregateVersion;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected PledgeCopy() {}

  PledgeCopy(
      UUID pledgeId,
      String appealCode,
      String donorCode,
      String status,
      BigDecimal usdAmount,
      long version,
      Instant updatedAt) {
    this.pledgeId = pledgeId;
    this.appealCode = appealCode;
    this.donorCode = donorCode;
    this.status = status;
    this.usdAmount = usdAmount;
    this.aggregateVersion = version;
    this.updatedAt = updatedAt;
  }

  /** Takes a newer state; returns false, changing nothing, for a stale or repeated one. */
  boolean update(String status, BigDecimal usdAmount, long version, Instant updatedAt) {
    if (version <= aggregateVersion) {
      return false;
    }
    this.status = status;
    this.usdAmount = usdAmount;
    this.aggregateVersion = version;
    this.updatedAt = updatedAt;
    return true;
  }
}
