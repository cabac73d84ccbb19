package org.jointappeal.notification.known;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jointappeal.notification.events.FundingChangedV1.LineGroups;

/**
 * The latest funding state seen per appeal, from {@code funding-events}; appeal-service owns it.
 */
@Entity
@Table(name = "appeal_coverage")
public class AppealCoverage {

  @Id
  @Column(name = "appeal_code", length = 32)
  private String appealCode;

  /** appeal-service's projection version: an older state never overwrites a newer one. */
  @Column(name = "funding_version", nullable = false)
  private long fundingVersion;

  @Column(name = "coverage_percent", precision = 9, scale = 2)
  private BigDecimal coveragePercent;

  @Column(name = "unmet_usd", precision = 19, scale = 4)
  private BigDecimal unmetUsd;

  /** Funding (committed + paid) in USD: with the requirements, coverage compares exactly. */
  @Column(name = "funding_usd", precision = 19, scale = 4)
  private BigDecimal fundingUsd;

  @Column(name = "requirements_usd", precision = 19, scale = 4)
  private BigDecimal requirementsUsd;

  /** The line groups by dimension as received; null from a producer that sent none. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  private LineGroups groups;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AppealCoverage() {}

  AppealCoverage(String appealCode) {
    this.appealCode = appealCode;
    this.fundingVersion = 0;
    this.updatedAt = Instant.EPOCH;
  }

  public String appealCode() {
    return appealCode;
  }

  public BigDecimal coveragePercent() {
    return coveragePercent;
  }

  /** The appeal's coverage, exact where funding and requirements are known. */
  public Coverage coverage() {
    return new Coverage(fundingUsd, requirementsUsd, coveragePercent);
  }

  public BigDecimal unmetUsd() {
    return unmetUsd;
  }

  public LineGroups groups() {
    return groups;
  }

  /** Takes a newer state; returns false, changing nothing, for a stale one. */
  public boolean update(
      long fundingVersion,
      BigDecimal coveragePercent,
      BigDecimal fundingUsd,
      BigDecimal requirementsUsd,
      BigDecimal unmetUsd,
      LineGroups groups,
      Instant at) {
    if (fundingVersion <= this.fundingVersion) {
      return false;
    }
    this.fundingVersion = fundingVersion;
    this.coveragePercent = coveragePercent;
    this.fundingUsd = fundingUsd;
    this.requirementsUsd = requirementsUsd;
    this.unmetUsd = unmetUsd;
    this.groups = groups;
    this.updatedAt = at;
    return true;
  }
}
