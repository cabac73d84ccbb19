package org.jointappeal.appeal.appeal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jointappeal.appeal.DomainRule;
import org.jointappeal.appeal.DomainRuleViolation;
import org.jointappeal.appeal.money.Money;

/**
 * A published request for funds for a period, by one or more agencies, with requirement lines in
 * USD.
 */
@Entity
@Table(name = "appeal")
public class Appeal {

  static final String REQUIREMENTS_CURRENCY = "USD";

  @Id
  @Column(length = 32)
  private String code;

  @Column(nullable = false, length = 300)
  private String title;

  /** Issuing agencies, e.g. "UNHCR,IOM": a short, ordered list that is always read whole. */
  @Column(name = "agencies", nullable = false, length = 300)
  private String agencies;

  @Column(name = "period_start", nullable = false)
  private LocalDate periodStart;

  @Column(name = "period_end", nullable = false)
  private LocalDate periodEnd;

  @Column(length = 4000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AppealStatus status;

  @Column(name = "launched_on")
  private LocalDate launchedOn;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @OneToMany(mappedBy = "appeal", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("country, agency, sector")
  private List<RequirementLine> lines = new ArrayList<>();

  @Version private long version;

  protected Appeal() {}

  Appeal(
      String code,
      String title,
      List<String> agencies,
      LocalDate periodStart,
      LocalDate periodEnd,
      String description,
      Instant createdAt) {
    if (periodEnd.isBefore(periodStart)) {
      throw DomainRuleViolation.of(
          DomainRule.PERIOD_REVERSED,
          "the period ends on %s, before %s".formatted(periodEnd, periodStart));
    }
    this.code = code;
    this.title = title;
    this.agencies = String.join(",", agencies);
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.description = description;
    this.status = AppealStatus.DRAFT;
    this.createdAt = createdAt;
  }

  /** Adds what one programme needs; only while the appeal is a draft (revisions come later). */
  void addRequirement(
      String country,
      String agency,
      Sector sector,
      CategoryOfConcern category,
      Priority priority,
      String description,
      Money amount) {
    requireDraft("add requirement lines");
    if (!agencies().contains(agency)) {
      throw DomainRuleViolation.of(
          DomainRule.AGENCY_NOT_ISSUING,
          agency + " is not among the issuing agencies " + agencies());
    }
    if (!amount.isIn(REQUIREMENTS_CURRENCY)) {
      throw DomainRuleViolation.of(
          DomainRule.REQUIREMENTS_NOT_IN_USD, "requirements are in USD, not " + amount.currency());
    }
    lines.add(
        new RequirementLine(
            this,
            CountryCode.require(country),
            agency,
            sector,
            category,
            priority,
            description,
            amount));
  }

  /** Publishes the appeal: from now on donors can pledge against it. */
  void launch(LocalDate on) {
    requireDraft("launch");
    if (lines.isEmpty()) {
      throw DomainRuleViolation.of(
          DomainRule.NO_REQUIREMENTS, "appeal " + code + " has no requirement lines");
    }
    this.status = AppealStatus.LAUNCHED;
    this.launchedOn = on;
  }

  private void requireDraft(String act) {
    if (status != AppealStatus.DRAFT) {
      throw DomainRuleViolation.of(
          DomainRule.APPEAL_NOT_DRAFT, "cannot %s: appeal %s is %s".formatted(act, code, status));
    }
  }

  /** The sum of the current requirement lines, in USD. */
  public Money currentRequirements() {
    BigDecimal total =
        lines.stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    return Money.of(total, REQUIREMENTS_CURRENCY);
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public List<String> agencies() {
    return Arrays.asList(agencies.split(","));
  }

  public LocalDate periodStart() {
    return periodStart;
  }

  public LocalDate periodEnd() {
    return periodEnd;
  }

  public String description() {
    return description;
  }

  public AppealStatus status() {
    return status;
  }

  public LocalDate launchedOn() {
    return launchedOn;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<RequirementLine> lines() {
    return Collections.unmodifiableList(lines);
  }

  public long version() {
    return version;
  }
}
