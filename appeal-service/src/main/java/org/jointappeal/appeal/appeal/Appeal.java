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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jointappeal.appeal.DomainRule;
import org.jointappeal.appeal.DomainRuleViolation;
import org.jointappeal.appeal.money.Money;

/**
 * A published request for funds for a period, by one or more agencies, with requirement lines in
 * USD. Once launched, its lines change only through revisions, each kept.
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

  @Column(name = "closed_on")
  private LocalDate closedOn;

  /** The current revision's number (null for a draft); see draftEdition. */
  @Column(name = "revision")
  private Integer revision;

  /**
   * Counts restatements of a draft. The lines are rows of their own, which do not change this row's
   * version; this column does, so the ETag changes with every edit.
   */
  @Column(name = "draft_edition", nullable = false)
  private int draftEdition;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The current requirement lines: those of the latest revision (or of the draft). */
  @OneToMany(mappedBy = "appeal", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("country, agency, sector")
  private List<RequirementLine> lines = new ArrayList<>();

  @OneToMany(mappedBy = "appeal", cascade = CascadeType.ALL)
  @OrderBy("number")
  private List<AppealRevision> revisions = new ArrayList<>();

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
    this.code = code;
    describe(title, agencies, periodStart, periodEnd, description);
    this.status = AppealStatus.DRAFT;
    this.createdAt = createdAt;
  }

  private void describe(
      String title,
      List<String> agencies,
      LocalDate periodStart,
      LocalDate periodEnd,
      String description) {
    if (periodEnd.isBefore(periodStart)) {
      throw DomainRuleViolation.of(
          DomainRule.PERIOD_REVERSED,
          "the period ends on %s, before %s".formatted(periodEnd, periodStart));
    }
    this.title = title;
    this.agencies = String.join(",", agencies);
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.description = description;
  }

  /** Adds what one programme needs; only while the appeal is a draft (then: revisions). */
  void addRequirement(LineSpec line) {
    requireDraft("add requirement lines");
    lines.add(new RequirementLine(this, checked(line)));
  }

  /** Rewrites a draft as a whole: its description and its full set of lines. */
  void redraft(
      String title,
      List<String> agencies,
      LocalDate periodStart,
      LocalDate periodEnd,
      String description,
      List<LineSpec> newLines) {
    requireDraft("edit");
    describe(title, agencies, periodStart, periodEnd, description);
    draftEdition++;
    lines.clear();
    newLines.forEach(this::addRequirement);
  }

  /** Publishes the appeal: from now on donors can pledge against it. Its lines are revision 0. */
  void launch(LocalDate on, Instant at, String by) {
    requireDraft("launch");
    if (lines.isEmpty()) {
      throw DomainRuleViolation.of(
          DomainRule.NO_REQUIREMENTS, "appeal " + code + " has no requirement lines");
    }
    this.status = AppealStatus.LAUNCHED;
    this.launchedOn = on;
    this.revision = 0;
    var original = new AppealRevision(this, 0, "original requirements", on, at, by, lines);
    original.tookEffect(at); // a launch is never dated after today
    revisions.add(original);
  }

  /**
   * Replaces the set of lines of a launched appeal, keeping the earlier sets. A line sent with the
   * id of a current line keeps its identity (and the money earmarked to it); others are new.
   */
  AppealRevision revise(
      String reason, LocalDate effectiveOn, List<LineSpec> newLines, Instant at, String by) {
    if (status != AppealStatus.LAUNCHED) {
      throw DomainRuleViolation.of(
          DomainRule.APPEAL_NOT_OPEN, "cannot revise: appeal %s is %s".formatted(code, status));
    }
    if (newLines.isEmpty()) {
      throw DomainRuleViolation.of(
          DomainRule.NO_REQUIREMENTS, "a revision of " + code + " needs requirement lines");
    }
    var latest = latestRevision().orElseThrow();
    if (effectiveOn.isBefore(latest.effectiveOn())) {
      throw DomainRuleViolation.of(
          DomainRule.REVISION_OUT_OF_ORDER,
          "revision effective on %s, before revision %d effective on %s"
              .formatted(effectiveOn, latest.number(), latest.effectiveOn()));
    }
    Map<UUID, RequirementLine> current =
        lines.stream().collect(Collectors.toMap(RequirementLine::id, Function.identity()));
    var seen = new HashSet<UUID>();
    for (LineSpec line : newLines) {
      if (line.lineId() != null
          && (!current.containsKey(line.lineId()) || !seen.add(line.lineId()))) {
        throw DomainRuleViolation.of(
            DomainRule.UNKNOWN_REQUIREMENT_LINE,
            "line %s is not a current line of %s, or is sent twice".formatted(line.lineId(), code));
      }
    }
    List<RequirementLine> revised = new ArrayList<>();
    for (LineSpec line : newLines) {
      var checked = checked(line);
      if (line.lineId() != null) {
        var kept = current.get(line.lineId());
        kept.restate(checked);
        revised.add(kept);
      } else {
        revised.add(new RequirementLine(this, checked));
      }
    }
    lines.retainAll(revised);
    revised.stream().filter(l -> !lines.contains(l)).forEach(lines::add);
    var revision =
        new AppealRevision(this, latest.number() + 1, reason, effectiveOn, at, by, lines);
    revisions.add(revision);
    this.revision = revision.number();
    return revision;
  }

  /** The appeal's period is over: no new pledges; its figures stay readable. */
  void close(LocalDate on) {
    if (status != AppealStatus.LAUNCHED) {
      throw DomainRuleViolation.of(
          DomainRule.APPEAL_NOT_OPEN, "cannot close: appeal %s is %s".formatted(code, status));
    }
    this.status = AppealStatus.CLOSED;
    this.closedOn = on;
  }

  private LineSpec checked(LineSpec line) {
    if (!agencies().contains(line.agency())) {
      throw DomainRuleViolation.of(
          DomainRule.AGENCY_NOT_ISSUING,
          line.agency() + " is not among the issuing agencies " + agencies());
    }
    if (!line.amount().isIn(REQUIREMENTS_CURRENCY)) {
      throw DomainRuleViolation.of(
          DomainRule.REQUIREMENTS_NOT_IN_USD,
          "requirements are in USD, not " + line.amount().currency());
    }
    CountryCode.require(line.country());
    return line;
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
        lines.stream()
            .map(l -> l.terms().amount().amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return Money.of(total, REQUIREMENTS_CURRENCY);
  }

  /** The requirements at launch (revision 0); a draft's are its current ones. */
  public Money originalRequirements() {
    return revisions.isEmpty() ? currentRequirements() : revisions.get(0).requirements();
  }

  /**
   * The revision in force at the end of a date as known at an instant: the latest one effective by
   * then and recorded by that instant.
   */
  public Optional<AppealRevision> revisionInForceOn(LocalDate date, Instant knownAt) {
    AppealRevision inForce = null;
    for (AppealRevision revision : revisions) {
      if (!revision.effectiveOn().isAfter(date) && !revision.recordedAt().isAfter(knownAt)) {
        inForce = revision;
      }
    }
    return Optional.ofNullable(inForce);
  }

  /** The revision in force at the end of a date: the latest one effective by then. */
  public Optional<AppealRevision> revisionInForceOn(LocalDate date) {
    AppealRevision inForce = null;
    for (AppealRevision revision : revisions) {
      if (!revision.effectiveOn().isAfter(date)) {
        inForce = revision;
      }
    }
    return Optional.ofNullable(inForce);
  }

  public Optional<AppealRevision> latestRevision() {
    return revisions.isEmpty()
        ? Optional.empty()
        : Optional.of(revisions.get(revisions.size() - 1));
  }

  public List<AppealRevision> revisions() {
    return Collections.unmodifiableList(revisions);
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

  public LocalDate closedOn() {
    return closedOn;
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
