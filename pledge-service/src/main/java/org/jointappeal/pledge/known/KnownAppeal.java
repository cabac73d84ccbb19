package org.jointappeal.pledge.known;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** pledge-service's copy of an appeal, kept from {@code appeal-events}; appeal-service owns it. */
@Entity
@Table(name = "known_appeal")
public class KnownAppeal {

  @Id
  @Column(length = 32)
  private String code;

  @Column(nullable = false, length = 300)
  private String title;

  @Column(nullable = false, length = 16)
  private String status;

  /** appeal-service's aggregate version: an older state never overwrites a newer one. */
  @Column(name = "aggregate_version", nullable = false)
  private long aggregateVersion;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** The last day of the appeal's period: a pledge's default due date. */
  @Column(name = "period_end")
  private LocalDate periodEnd;

  @Column(name = "period_start")
  private LocalDate periodStart;

  /** The appeal's current requirements in USD (null until an event carried them). */
  @Column(name = "requirements_usd", precision = 19, scale = 4)
  private BigDecimal requirementsUsd;

  @ElementCollection
  @CollectionTable(name = "known_appeal_line", joinColumns = @JoinColumn(name = "appeal_code"))
  private List<KnownLine> lines = new ArrayList<>();

  protected KnownAppeal() {}

  KnownAppeal(String code, long aggregateVersion) {
    this.code = code;
    this.aggregateVersion = aggregateVersion - 1; // so that the first update applies
  }

  /**
   * Applies a newer state; returns false (and changes nothing) for a stale one. Null lines (an
   * event that does not carry them) keep the lines known; a list replaces them.
   */
  boolean update(
      String title,
      String status,
      LocalDate periodStart,
      LocalDate periodEnd,
      BigDecimal requirementsUsdOrNull,
      List<KnownLine> linesOrNull,
      long aggregateVersion,
      Instant updatedAt) {
    if (aggregateVersion <= this.aggregateVersion) {
      return false;
    }
    this.title = title;
    this.status = status;
    if (periodStart != null) {
      this.periodStart = periodStart;
    }
    if (periodEnd != null) {
      this.periodEnd = periodEnd;
    }
    if (requirementsUsdOrNull != null) {
      this.requirementsUsd = requirementsUsdOrNull;
    }
    if (linesOrNull != null) {
      this.lines.clear();
      this.lines.addAll(linesOrNull);
    }
    this.aggregateVersion = aggregateVersion;
    this.updatedAt = updatedAt;
    return true;
  }

  public boolean acceptsPledges() {
    return "LAUNCHED".equals(status);
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String status() {
    return status;
  }

  public long aggregateVersion() {
    return aggregateVersion;
  }

  public LocalDate periodEnd() {
    return periodEnd;
  }

  public LocalDate periodStart() {
    return periodStart;
  }

  public BigDecimal requirementsUsd() {
    return requirementsUsd;
  }

  public List<KnownLine> lines() {
    return List.copyOf(lines);
  }
}
