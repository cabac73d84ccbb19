package org.jointappeal.notification.known;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An appeal's period, from {@code appeal-events}; appeal-service owns it. */
@Entity
@Table(name = "known_appeal")
public class KnownAppeal {

  @Id
  @Column(name = "appeal_code", length = 32)
  private String appealCode;

  /** appeal-service's aggregate version: an older state never overwrites a newer one. */
  @Column(nullable = false)
  private long version;

  @Column(name = "period_start", nullable = false)
  private LocalDate periodStart;

  @Column(name = "period_end", nullable = false)
  private LocalDate periodEnd;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected KnownAppeal() {}

  KnownAppeal(String appealCode) {
    this.appealCode = appealCode;
    this.version = -1; // appeal versions start at 0
  }

  /** Takes a newer state; returns false, changing nothing, for a stale one. */
  public boolean update(long version, LocalDate periodStart, LocalDate periodEnd, Instant at) {
    if (version <= this.version) {
      return false;
    }
    this.version = version;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.updatedAt = at;
    return true;
  }

  /**
   * The share of the period passed by the end of {@code day}, in percent (0 to 100): the period's
   * days are counted inclusively, so on its last day 100 % has passed.
   */
  public BigDecimal elapsedPercentOn(LocalDate day) {
    long total = ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
    long passed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(periodStart, day) + 1));
    return BigDecimal.valueOf(passed * 100)
        .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_EVEN);
  }
}
