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
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A funding-gap rule: an appeal (or every appeal) whose coverage is below the threshold, from a
 * date on. Its name is the alerts' {@code rule} label; its labels join each alert's identity.
 */
@Entity
@Table(name = "alert_rule")
public class AlertRule {

  static final String RULE_LABEL = "rule";
  static final String APPEAL_LABEL = "appeal";

  @Id private UUID id;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(nullable = false, length = 200)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private RuleKind kind;

  /** Null: the rule watches every appeal. */
  @Column(name = "appeal_code", length = 32)
  private String appealCode;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  private Map<String, String> labels;

  @Column(name = "threshold_percent", nullable = false, precision = 5, scale = 2)
  private BigDecimal thresholdPercent;

  /** Null: active at once. */
  @Column(name = "active_from")
  private LocalDate activeFrom;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected AlertRule() {}

  AlertRule(RuleDefinition definition, Instant at) {
    this.id = UUID.randomUUID();
    this.createdAt = at;
    restate(definition, at);
  }

  /** Replaces the whole definition (PUT); the caller re-evaluates the rule afterwards. */
  void restate(RuleDefinition definition, Instant at) {
    this.name = definition.name();
    this.description = definition.description();
    this.kind = definition.kind();
    this.appealCode = definition.appealCode();
    this.labels = new TreeMap<>(definition.labels());
    this.thresholdPercent = definition.thresholdPercent().setScale(2);
    this.activeFrom = definition.activeFrom();
    this.updatedAt = at;
  }

  boolean watches(String appeal) {
    return appealCode == null || appealCode.equals(appeal);
  }

  boolean isActiveOn(LocalDate day) {
    return activeFrom == null || !day.isBefore(activeFrom);
  }

  /** No gap can be measured without a coverage (an appeal with no requirements). */
  boolean isGap(BigDecimal coveragePercent, LocalDate day) {
    return isActiveOn(day)
        && coveragePercent != null
        && coveragePercent.compareTo(thresholdPercent) < 0;
  }

  /** The alert's labels for an appeal: the rule's own, then {@code rule} and {@code appeal}. */
  Map<String, String> alertLabels(String appeal) {
    var all = new TreeMap<>(labels);
    all.put(RULE_LABEL, name);
    all.put(APPEAL_LABEL, appeal);
    return all;
  }

  /** Canonical labels: the alert's identity. */
  static String fingerprint(Map<String, String> labels) {
    return new TreeMap<>(labels)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public RuleKind kind() {
    return kind;
  }

  public String appealCode() {
    return appealCode;
  }

  public Map<String, String> labels() {
    return Map.copyOf(labels);
  }

  public BigDecimal thresholdPercent() {
    return thresholdPercent;
  }

  public LocalDate activeFrom() {
    return activeFrom;
  }

  public long version() {
    return version;
  }
}
