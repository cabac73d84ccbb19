package org.jointappeal.notification.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One episode of an alert, Alertmanager style: its identity is its labels (the fingerprint); it
 * fires once and resolves once. A later episode of the same identity is a new row, so history
 * stays.
 */
@Entity
@Table(name = "alert")
public class Alert {

  @Id private UUID id;

  @Column(nullable = false, length = 64)
  private String rule;

  /** The rule that raised it; a deleted rule's alerts keep the id. */
  @Column(name = "rule_id")
  private UUID ruleId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  private Map<String, String> labels;

  @Column(name = "appeal_code", nullable = false, length = 32)
  private String appealCode;

  /**
   * Canonical labels, e.g. {@code appeal=CIS-1997,rule=funding-gap,severity=warning}: the alert's
   * identity.
   */
  @Column(nullable = false, length = 500)
  private String fingerprint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AlertStatus status;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at")
  private Instant endsAt;

  @Column(nullable = false, length = 500)
  private String summary;

  @Column(name = "coverage_percent", precision = 9, scale = 2)
  private BigDecimal coveragePercent;

  @Column(name = "threshold_percent", nullable = false, precision = 5, scale = 2)
  private BigDecimal thresholdPercent;

  @Version private long version;

  protected Alert() {}

  Alert(
      AlertRule rule,
      String appealCode,
      String summary,
      BigDecimal coveragePercent,
      Instant startsAt) {
    this.id = UUID.randomUUID();
    this.rule = rule.name();
    this.ruleId = rule.id();
    this.appealCode = appealCode;
    this.labels = rule.alertLabels(appealCode);
    this.fingerprint = AlertRule.fingerprint(labels);
    this.status = AlertStatus.FIRING;
    this.summary = summary;
    this.coveragePercent = coveragePercent;
    this.thresholdPercent = rule.thresholdPercent();
    this.startsAt = startsAt;
  }

  /** New numbers for a firing alert: annotations only, the identity and start stay. */
  void annotate(String summary, BigDecimal coveragePercent) {
    this.summary = summary;
    this.coveragePercent = coveragePercent;
  }

  void resolve(String summary, BigDecimal coveragePercent, Instant at) {
    if (status == AlertStatus.RESOLVED) {
      return; // resolves once
    }
    this.status = AlertStatus.RESOLVED;
    this.summary = summary;
    this.coveragePercent = coveragePercent;
    this.endsAt = at;
  }

  public UUID id() {
    return id;
  }

  public String rule() {
    return rule;
  }

  public UUID ruleId() {
    return ruleId;
  }

  public Map<String, String> labels() {
    return new TreeMap<>(labels);
  }

  public String appealCode() {
    return appealCode;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public AlertStatus status() {
    return status;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public String summary() {
    return summary;
  }

  public BigDecimal coveragePercent() {
    return coveragePercent;
  }

  public BigDecimal thresholdPercent() {
    return thresholdPercent;
  }
}
