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
import org.jointappeal.notification.Money;

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

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private RuleKind kind;

  /** Null for an alert about no appeal (an unmatched receipt). */
  @Column(name = "appeal_code", length = 32)
  private String appealCode;

  /** What it is about: the appeal code, pledge id or receipt id (not part of the identity). */
  @Column(nullable = false, length = 64)
  private String subject;

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

  @Column(name = "threshold_percent", precision = 5, scale = 2)
  private BigDecimal thresholdPercent;

  @Column(name = "unmet_usd", precision = 19, scale = 4)
  private BigDecimal unmetUsd;

  @Column(name = "period_elapsed_percent", precision = 5, scale = 2)
  private BigDecimal periodElapsedPercent;

  /** The kind's amount: outstanding instalment, pledge value, unallocated receipt money. */
  @Column(precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(name = "amount_currency", length = 3)
  private String amountCurrency;

  /** Days past due (overdue instalment) or unallocated (unmatched receipt). */
  private Integer days;

  @Version private long version;

  protected Alert() {}

  Alert(AlertRule rule, Map<String, String> labels, Observation seen, Instant startsAt) {
    this.id = UUID.randomUUID();
    this.rule = rule.name();
    this.ruleId = rule.id();
    this.kind = rule.kind();
    this.appealCode = seen.appealCode();
    this.subject = seen.subject();
    this.labels = new TreeMap<>(labels);
    this.fingerprint = AlertRule.fingerprint(labels);
    this.status = AlertStatus.FIRING;
    this.startsAt = startsAt;
    annotate(seen);
  }

  /** New numbers for a firing alert: annotations only, the identity and start stay. */
  void annotate(Observation seen) {
    this.summary = seen.summary();
    var f = seen.figures();
    this.coveragePercent = f.coveragePercent();
    this.thresholdPercent = f.thresholdPercent();
    this.unmetUsd = f.unmetUsd();
    this.periodElapsedPercent = f.periodElapsedPercent();
    this.amount = f.amount() == null ? null : f.amount().amount();
    this.amountCurrency = f.amount() == null ? null : f.amount().currency();
    this.days = f.days();
  }

  /**
   * Resolves once; {@code seen} carries the latest numbers, or is null when the rule no longer sees
   * the subject at all (the rule changed or was deleted): the last numbers stay then.
   */
  boolean resolve(Observation seen, String reason, Instant at) {
    if (status == AlertStatus.RESOLVED) {
      return false;
    }
    if (seen != null) {
      annotate(seen);
    } else {
      this.summary = truncated(summary + " (" + reason + ")");
    }
    this.status = AlertStatus.RESOLVED;
    this.endsAt = at;
    return true;
  }

  private static String truncated(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500);
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

  public RuleKind kind() {
    return kind;
  }

  public String appealCode() {
    return appealCode;
  }

  public String subject() {
    return subject;
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

  public BigDecimal unmetUsd() {
    return unmetUsd;
  }

  public BigDecimal periodElapsedPercent() {
    return periodElapsedPercent;
  }

  public Money amount() {
    return Money.of(amount, amountCurrency);
  }

  public Integer days() {
    return days;
  }

  public long version() {
    return version;
  }
}
