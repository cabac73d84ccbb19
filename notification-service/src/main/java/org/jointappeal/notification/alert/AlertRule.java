package org.jointappeal.notification.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jointappeal.notification.DomainRule;
import org.jointappeal.notification.DomainRuleViolation;
import org.jointappeal.notification.known.Coverage;

/**
 * An alert rule of one {@link RuleKind}, watching one appeal or every appeal, from a date on. Its
 * name is the alerts' {@code rule} label; its labels join each alert's identity. Each kind has its
 * own parameters; the others stay null.
 */
@Entity
@Table(name = "alert_rule")
public class AlertRule {

  static final String RULE_LABEL = "rule";
  static final String KIND_LABEL = "kind";
  static final String SEVERITY_LABEL = "severity";
  static final String DEFAULT_SEVERITY = "warning";
  static final Set<Integer> OVERDUE_BUCKETS = Set.of(30, 60, 90);

  /**
   * Labels the engine sets itself: a rule may not set them, or a rule could, say, label an
   * appeal-wide alert {@code donor=NOR} and show it to that donor (docs/security.md).
   */
  static final Set<String> RESERVED_LABELS =
      Set.of(
          RULE_LABEL,
          KIND_LABEL,
          RuleEvaluation.APPEAL,
          RuleEvaluation.DONOR,
          RuleEvaluation.LEVEL,
          "pledge",
          "instalment",
          "bucket",
          "receipt",
          "country",
          "agency",
          "sector",
          "category",
          "priority");

  /** The only values of {@code severity}, which the engine defaults to warning. */
  static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");

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

  @Column(name = "threshold_percent", precision = 5, scale = 2)
  private BigDecimal thresholdPercent;

  @Column(name = "from_period_share_percent", precision = 5, scale = 2)
  private BigDecimal fromPeriodSharePercent;

  @Column(name = "group_by", length = 16)
  private String groupBy;

  @Column(name = "group_value", length = 64)
  private String groupValue;

  @Column(name = "min_days_overdue")
  private Integer minDaysOverdue;

  /** ISO-8601, as {@link Duration#toString()} writes it. */
  @Column(name = "resolve_after", length = 32)
  private String resolveAfter;

  @Column(name = "min_amount_usd", precision = 19, scale = 4)
  private BigDecimal minAmountUsd;

  @Column(name = "min_days_unallocated")
  private Integer minDaysUnallocated;

  @Column(name = "min_months_left")
  private Integer minMonthsLeft;

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
    check(definition);
    this.name = definition.name();
    this.description = definition.description();
    this.kind = definition.kind();
    this.appealCode = definition.appealCode();
    this.labels = new TreeMap<>(definition.labels());
    this.thresholdPercent = scaled(definition.thresholdPercent());
    this.activeFrom = definition.activeFrom();
    this.fromPeriodSharePercent = scaled(definition.fromPeriodSharePercent());
    this.groupBy = definition.groupBy();
    this.groupValue = definition.groupValue();
    this.minDaysOverdue = definition.minDaysOverdue();
    this.resolveAfter =
        definition.resolveAfter() == null ? null : definition.resolveAfter().toString();
    this.minAmountUsd = scaled(definition.minAmountUsd());
    this.minDaysUnallocated = definition.minDaysUnallocated();
    this.minMonthsLeft = definition.minMonthsLeft();
    this.updatedAt = at;
  }

  /** Each kind takes its own parameters and refuses the others' (docs/alerts.md). */
  private static void check(RuleDefinition d) {
    checkLabels(d.labels());
    RuleKind kind = d.kind();
    boolean gap = kind == RuleKind.FUNDING_GAP;
    boolean projected = kind == RuleKind.PROJECTED_FUNDING_GAP;
    need(gap || projected, d.thresholdPercent(), "thresholdPercent", kind);
    need(projected, d.minMonthsLeft(), "minMonthsLeft", kind);
    allow(gap, d.fromPeriodSharePercent(), "fromPeriodSharePercent", kind);
    allow(gap, d.groupBy(), "groupBy", kind);
    allow(gap && d.groupBy() != null, d.groupValue(), "groupValue", kind);
    need(kind == RuleKind.OVERDUE_INSTALMENT, d.minDaysOverdue(), "minDaysOverdue", kind);
    boolean eventLike =
        kind == RuleKind.PLEDGE_CANCELLED
            || kind == RuleKind.PLEDGE_WRITTEN_OFF
            || kind == RuleKind.LARGE_PLEDGE;
    need(eventLike, d.resolveAfter(), "resolveAfter", kind);
    need(kind == RuleKind.LARGE_PLEDGE, d.minAmountUsd(), "minAmountUsd", kind);
    need(kind == RuleKind.UNMATCHED_RECEIPT, d.minDaysUnallocated(), "minDaysUnallocated", kind);
    if (d.minDaysOverdue() != null && !OVERDUE_BUCKETS.contains(d.minDaysOverdue())) {
      throw invalid("minDaysOverdue must be one of the ageing buckets 30, 60 or 90");
    }
    if (d.resolveAfter() != null
        && (d.resolveAfter().compareTo(Duration.ofMinutes(1)) < 0
            || d.resolveAfter().compareTo(Duration.ofDays(366)) > 0)) {
      throw invalid("resolveAfter must be between PT1M and P366D");
    }
    if (kind == RuleKind.UNMATCHED_RECEIPT && d.appealCode() != null) {
      // a receipt belongs to a donor, not an appeal, until it is allocated
      throw invalid("UNMATCHED_RECEIPT rules watch every receipt: appealCode must be null");
    }
  }

  private static void checkLabels(Map<String, String> labels) {
    for (var label : labels.entrySet()) {
      if (RESERVED_LABELS.contains(label.getKey())) {
        throw DomainRuleViolation.of(
            DomainRule.RESERVED_LABEL,
            "labels.%s: reserved, the engine sets it (reserved: %s)"
                .formatted(label.getKey(), String.join(", ", new TreeSet<>(RESERVED_LABELS))));
      }
      if (label.getKey().equals(SEVERITY_LABEL) && !SEVERITIES.contains(label.getValue())) {
        throw DomainRuleViolation.of(
            DomainRule.RESERVED_LABEL, "labels.severity: one of info, warning, critical");
      }
    }
  }

  private static void need(boolean kindUsesIt, Object value, String field, RuleKind kind) {
    if (kindUsesIt && value == null) {
      throw invalid(field + " is required for " + kind);
    }
    allow(kindUsesIt, value, field, kind);
  }

  private static void allow(boolean kindUsesIt, Object value, String field, RuleKind kind) {
    if (!kindUsesIt && value != null) {
      throw invalid(field + " does not apply to " + kind);
    }
  }

  private static DomainRuleViolation invalid(String detail) {
    return DomainRuleViolation.of(DomainRule.INVALID_RULE_PARAMETERS, detail);
  }

  private static BigDecimal scaled(BigDecimal value) {
    return value == null ? null : value.setScale(Math.max(2, value.scale()));
  }

  boolean watches(String appeal) {
    return appealCode == null || appealCode.equals(appeal);
  }

  boolean isActiveOn(LocalDate day) {
    return activeFrom == null || !day.isBefore(activeFrom);
  }

  /**
   * Below the threshold, compared with the unrounded coverage; no gap can be measured without a
   * coverage (an appeal or group with no requirements).
   */
  boolean isGap(Coverage coverage) {
    return coverage.below(thresholdPercent);
  }

  /**
   * The alert's labels: the rule's own ({@code severity} defaults to warning), then {@code rule},
   * {@code kind} and the scope labels of what it is about (appeal, donor, pledge, ...).
   */
  Map<String, String> alertLabels(Map<String, String> scope) {
    var all = new TreeMap<String, String>();
    // a rule stored before reserved labels were refused keeps none of them
    labels.forEach(
        (name, value) -> {
          if (!RESERVED_LABELS.contains(name)) {
            all.put(name, value);
          }
        });
    all.putIfAbsent(SEVERITY_LABEL, DEFAULT_SEVERITY);
    all.put(RULE_LABEL, name);
    all.put(KIND_LABEL, kind.label());
    all.putAll(scope);
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

  public BigDecimal fromPeriodSharePercent() {
    return fromPeriodSharePercent;
  }

  public String groupBy() {
    return groupBy;
  }

  public String groupValue() {
    return groupValue;
  }

  public Integer minDaysOverdue() {
    return minDaysOverdue;
  }

  public Duration resolveAfter() {
    return resolveAfter == null ? null : Duration.parse(resolveAfter);
  }

  public BigDecimal minAmountUsd() {
    return minAmountUsd;
  }

  public Integer minDaysUnallocated() {
    return minDaysUnallocated;
  }

  public Integer minMonthsLeft() {
    return minMonthsLeft;
  }

  public long version() {
    return version;
  }
}
