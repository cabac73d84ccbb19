package org.jointappeal.notification.known;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An appeal's cash funding projected to its period end, from pledge-service's {@code
 * forecast.projected.v1}: the latest recorded one is kept.
 */
@Entity
@Table(name = "appeal_projection")
public class AppealProjection {

  private static final BigDecimal HUNDRED = new BigDecimal(100);

  @Id
  @Column(name = "appeal_code", length = 32)
  private String appealCode;

  @Column(name = "as_of", nullable = false)
  private LocalDate asOf;

  @Column(name = "period_end", nullable = false)
  private LocalDate periodEnd;

  @Column(name = "months_left", nullable = false)
  private int monthsLeft;

  @Column(name = "requirements_usd", nullable = false, precision = 19, scale = 4)
  private BigDecimal requirementsUsd;

  @Column(name = "p10_funding_usd", nullable = false, precision = 19, scale = 4)
  private BigDecimal p10FundingUsd;

  @Column(name = "p50_funding_usd", nullable = false, precision = 19, scale = 4)
  private BigDecimal p50FundingUsd;

  @Column(name = "p90_funding_usd", nullable = false, precision = 19, scale = 4)
  private BigDecimal p90FundingUsd;

  @Column(name = "p10_coverage", nullable = false, precision = 9, scale = 2)
  private BigDecimal p10CoveragePercent;

  @Column(name = "p50_coverage", nullable = false, precision = 9, scale = 2)
  private BigDecimal p50CoveragePercent;

  @Column(name = "p90_coverage", nullable = false, precision = 9, scale = 2)
  private BigDecimal p90CoveragePercent;

  @Column(name = "model_version", nullable = false, length = 64)
  private String modelVersion;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AppealProjection() {}

  AppealProjection(String appealCode) {
    this.appealCode = appealCode;
  }

  /** The projection as published; false, changing nothing, for one recorded before the kept one. */
  public boolean update(Projected p, Instant at) {
    if (recordedAt != null && p.recordedAt().isBefore(recordedAt)) {
      return false;
    }
    asOf = p.asOf();
    periodEnd = p.periodEnd();
    monthsLeft = p.monthsLeft();
    requirementsUsd = p.requirementsUsd();
    p10FundingUsd = p.p10FundingUsd();
    p50FundingUsd = p.p50FundingUsd();
    p90FundingUsd = p.p90FundingUsd();
    p10CoveragePercent = p.p10CoveragePercent();
    p50CoveragePercent = p.p50CoveragePercent();
    p90CoveragePercent = p.p90CoveragePercent();
    modelVersion = p.modelVersion();
    recordedAt = p.recordedAt();
    updatedAt = at;
    return true;
  }

  /** What {@code forecast.projected.v1} carries that the rules read. */
  public record Projected(
      LocalDate asOf,
      LocalDate periodEnd,
      int monthsLeft,
      BigDecimal requirementsUsd,
      BigDecimal p10FundingUsd,
      BigDecimal p50FundingUsd,
      BigDecimal p90FundingUsd,
      BigDecimal p10CoveragePercent,
      BigDecimal p50CoveragePercent,
      BigDecimal p90CoveragePercent,
      String modelVersion,
      Instant recordedAt) {}

  /**
   * The median projection below the threshold, compared exactly: p50 × 100 &lt; t × requirements.
   */
  public boolean medianBelow(BigDecimal thresholdPercent) {
    return requirementsUsd.signum() > 0
        && p50FundingUsd.multiply(HUNDRED).compareTo(thresholdPercent.multiply(requirementsUsd))
            < 0;
  }

  public BigDecimal unmetAtMedianUsd() {
    return requirementsUsd.subtract(p50FundingUsd).max(BigDecimal.ZERO).setScale(2);
  }

  public String appealCode() {
    return appealCode;
  }

  public LocalDate asOf() {
    return asOf;
  }

  public LocalDate periodEnd() {
    return periodEnd;
  }

  public int monthsLeft() {
    return monthsLeft;
  }

  public BigDecimal p10CoveragePercent() {
    return p10CoveragePercent;
  }

  public BigDecimal p50CoveragePercent() {
    return p50CoveragePercent;
  }

  public BigDecimal p90CoveragePercent() {
    return p90CoveragePercent;
  }
}
