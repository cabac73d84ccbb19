package org.jointappeal.notification.alert;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jointappeal.notification.DonorScope;
import org.jointappeal.notification.NotFound;
import org.jointappeal.notification.events.FundingChangedV1.LineGroups;
import org.jointappeal.notification.known.AppealCoverage;
import org.jointappeal.notification.known.AppealCoverageRepository;
import org.jointappeal.notification.known.AppealProjection;
import org.jointappeal.notification.known.AppealProjectionRepository;
import org.jointappeal.notification.known.KnownAppealRepository;
import org.jointappeal.notification.known.KnownPledge;
import org.jointappeal.notification.known.KnownPledgeRepository;
import org.jointappeal.notification.known.KnownReceipt;
import org.jointappeal.notification.known.KnownReceiptRepository;
import org.jointappeal.notification.known.PledgeState;
import org.jointappeal.notification.messaging.Outbox;
import org.jointappeal.notification.paging.Cursor;
import org.jointappeal.notification.paging.Page;
import org.jointappeal.notification.paging.PageRequest;
import org.jointappeal.notification.silence.SilenceService;

/**
 * Evaluates the alert rules on every funding, appeal, pledge and receipt change, on every rule
 * change and on a schedule (for what time alone changes: dates, ageing, resolve-after), and keeps
 * alert state: one FIRING alert per identity. Every transition appends its alert event to the
 * outbox in the same transaction.
 */
@ApplicationScoped
public class AlertService {

  private final AlertRepository alerts;
  private final AlertRuleRepository rules;
  private final AppealCoverageRepository coverages;
  private final KnownAppealRepository appeals;
  private final KnownPledgeRepository pledges;
  private final KnownReceiptRepository receipts;
  private final ReevaluationSelection reevaluated;
  private final AppealProjectionRepository projections;
  private final SilenceService silences;
  private final Outbox outbox;
  private final Clock clock;
  private final Tracer tracer;

  AlertService(
      AlertRepository alerts,
      AlertRuleRepository rules,
      AppealCoverageRepository coverages,
      KnownAppealRepository appeals,
      KnownPledgeRepository pledges,
      KnownReceiptRepository receipts,
      ReevaluationSelection reevaluated,
      AppealProjectionRepository projections,
      SilenceService silences,
      Outbox outbox,
      Clock clock,
      Tracer tracer) {
    this.alerts = alerts;
    this.rules = rules;
    this.coverages = coverages;
    this.appeals = appeals;
    this.pledges = pledges;
    this.receipts = receipts;
    this.reevaluated = reevaluated;
    this.projections = projections;
    this.silences = silences;
    this.outbox = outbox;
    this.clock = clock;
    this.tracer = tracer;
  }

  /**
   * Runs in the consumer's transaction. Coverage is null while an appeal has no requirements: no
   * gap can be measured then, so nothing fires. Funding and requirements (USD) let thresholds be
   * compared with the unrounded coverage; null from a producer that sent none, as are the line
   * groups.
   */
  @Transactional(TxType.MANDATORY)
  public void onFundingChanged(
      String appealCode,
      long fundingVersion,
      BigDecimal coveragePercent,
      BigDecimal fundingUsd,
      BigDecimal requirementsUsd,
      BigDecimal unmetUsd,
      LineGroups groups) {
    var coverage = coverages.lockOrCreate(appealCode);
    if (!coverage.update(
        fundingVersion,
        coveragePercent,
        fundingUsd,
        requirementsUsd,
        unmetUsd,
        groups,
        clock.instant())) {
      Log.debugf("stale funding state ignored appeal=%s version=%d", appealCode, fundingVersion);
      return;
    }
    evaluateFunding(coverage);
  }

  /** An appeal's period, for rules that wait for a share of it to pass. */
  @Transactional(TxType.MANDATORY)
  public void onAppealChanged(
      String appealCode, long version, LocalDate periodStart, LocalDate periodEnd) {
    var coverage = coverages.lock(appealCode); // the same lock order as a funding change
    var appeal = appeals.lockOrCreate(appealCode);
    if (!appeal.update(version, periodStart, periodEnd, clock.instant())) {
      Log.debugf("stale appeal state ignored appeal=%s version=%d", appealCode, version);
      return;
    }
    if (!appeals.isPersistent(appeal)) {
      appeals.persist(appeal);
    }
    coverage.ifPresent(this::evaluateFunding);
  }

  /** A pledge's state from any pledge event; a stale one changes nothing but is evaluated. */
  @Transactional(TxType.MANDATORY)
  public void onPledgeChanged(PledgeState state) {
    var pledge = pledges.lockOrCreate(state.pledgeId());
    boolean fresh = pledge.update(state, clock.instant());
    if (!pledges.isPersistent(pledge)) {
      pledges.persist(pledge);
    }
    if (!fresh) {
      Log.debugf(
          "stale pledge state ignored pledgeId=%s version=%d", state.pledgeId(), state.version());
    }
    for (AlertRule rule : rules.watching(pledge.appealCode())) {
      if (rule.kind().aboutPledges()) {
        reconcile(
            rule,
            alerts.firingOf(rule.id(), state.pledgeId().toString()),
            observe(rule, pledge),
            "pledge changed");
      }
    }
  }

  @Transactional(TxType.MANDATORY)
  public void onReceiptChanged(
      UUID receiptId,
      long version,
      String donorCode,
      LocalDate valueDate,
      BigDecimal unallocated,
      String currency,
      String status) {
    var receipt = receipts.lockOrCreate(receiptId);
    if (!receipt.update(
        version, donorCode, valueDate, unallocated, currency, status, clock.instant())) {
      Log.debugf("stale receipt state ignored receiptId=%s version=%d", receiptId, version);
      return;
    }
    if (!receipts.isPersistent(receipt)) {
      receipts.persist(receipt);
    }
    for (AlertRule rule : rules.ofKind(RuleKind.UNMATCHED_RECEIPT)) {
      reconcile(
          rule,
          alerts.firingOf(rule.id(), receiptId.toString()),
          List.of(RuleEvaluation.unmatchedReceipt(rule, receipt, today())),
          "receipt changed");
    }
  }

  /** The cash forecast's projection of an appeal to its period end (forecast.projected.v1). */
  @Transactional(TxType.MANDATORY)
  public void onProjection(String appealCode, AppealProjection.Projected projected) {
    var projection = projections.lockOrCreate(appealCode);
    if (!projection.update(projected, clock.instant())) {
      Log.debugf("older projection ignored appeal=%s asOf=%s", appealCode, projected.asOf());
      return;
    }
    if (!projections.isPersistent(projection)) {
      projections.persist(projection);
    }
    for (AlertRule rule : rules.watching(appealCode)) {
      if (rule.kind() == RuleKind.PROJECTED_FUNDING_GAP) {
        reconcile(
            rule,
            alerts.firingOf(rule.id(), appealCode),
            List.of(RuleEvaluation.projectedGap(rule, projection)),
            "projection changed");
      }
    }
  }

  private void evaluateFunding(AppealCoverage coverage) {
    var period = appeals.findByIdOptional(coverage.appealCode()).orElse(null);
    for (AlertRule rule : rules.watching(coverage.appealCode())) {
      if (rule.kind() == RuleKind.FUNDING_GAP) {
        reconcile(
            rule,
            alerts.firingOf(rule.id(), coverage.appealCode()),
            RuleEvaluation.fundingGap(rule, coverage, period, today()),
            "funding changed");
      }
    }
  }

  /**
   * Brings a rule's alerts in line with the rule as it now stands: alerts whose identity it no
   * longer produces resolve, and everything it watches that could breach it or that its alerts are
   * about is evaluated with its latest state.
   */
  @Transactional(TxType.MANDATORY)
  void reconcile(AlertRule rule) {
    List<Observation> seen = new ArrayList<>();
    switch (rule.kind()) {
      case FUNDING_GAP -> {
        LocalDate today = today();
        for (AppealCoverage coverage : coverages.lockWatched(rule.appealCode())) {
          var period = appeals.findByIdOptional(coverage.appealCode()).orElse(null);
          seen.addAll(RuleEvaluation.fundingGap(rule, coverage, period, today));
        }
      }
      case PROJECTED_FUNDING_GAP -> {
        for (AppealProjection projection : projections.lockWatched(rule.appealCode())) {
          seen.add(RuleEvaluation.projectedGap(rule, projection));
        }
      }
      case UNMATCHED_RECEIPT -> {
        LocalDate today = today();
        for (KnownReceipt receipt : reevaluated.receipts(rule, today)) {
          seen.add(RuleEvaluation.unmatchedReceipt(rule, receipt, today));
        }
      }
      default -> {
        for (KnownPledge pledge : reevaluated.pledges(rule, today(), clock.instant())) {
          if (rule.watches(pledge.appealCode())) {
            seen.addAll(observe(rule, pledge));
          }
        }
      }
    }
    reconcile(rule, alerts.firingOf(rule.id()), seen, "rule %s changed".formatted(rule.name()));
  }

  /** A deleted rule's firing alerts resolve; their history stays. */
  @Transactional(TxType.MANDATORY)
  void retire(AlertRule rule) {
    for (Alert firing : alerts.firingOf(rule.id())) {
      resolve(firing, null, "rule %s deleted".formatted(rule.name()));
    }
  }

  /** Every rule again, with the clock: dates reached, instalments aged, events grown old. */
  @Transactional
  public void reevaluateAll() {
    for (AlertRule rule : rules.all()) {
      reconcile(rule);
    }
  }

  private List<Observation> observe(AlertRule rule, KnownPledge pledge) {
    if (rule.kind() == RuleKind.OVERDUE_INSTALMENT) {
      return RuleEvaluation.overdueInstalments(rule, pledge, today());
    }
    return List.of(RuleEvaluation.pledgeEvent(rule, pledge, today(), clock.instant()));
  }

  /**
   * The one place alert state changes: {@code firing} are the rule's FIRING alerts about what was
   * observed; each observation fires, annotates or resolves, and a firing alert no observation
   * produces any more resolves with {@code reason}.
   */
  private void reconcile(
      AlertRule rule, List<Alert> firing, List<Observation> seen, String reason) {
    Map<String, Observation> byFingerprint = new LinkedHashMap<>();
    Map<String, Map<String, String>> labelsOf = new HashMap<>();
    for (Observation o : seen) {
      var labels = rule.alertLabels(o.scope());
      String fingerprint = AlertRule.fingerprint(labels);
      byFingerprint.put(fingerprint, o);
      labelsOf.put(fingerprint, labels);
    }
    Map<String, Alert> open = new HashMap<>();
    for (Alert alert : firing) {
      var o = byFingerprint.get(alert.fingerprint());
      if (o == null || !o.breached()) {
        resolve(alert, o, reason);
      } else {
        open.put(alert.fingerprint(), alert);
      }
    }
    byFingerprint.forEach(
        (fingerprint, o) -> {
          if (!o.breached()) {
            return;
          }
          var alert = open.get(fingerprint);
          if (alert == null) {
            alert = alerts.findFiring(fingerprint).orElse(null);
          }
          if (alert != null) {
            alert.annotate(o);
          } else {
            fire(rule, labelsOf.get(fingerprint), o);
          }
        });
  }

  private void fire(AlertRule rule, Map<String, String> labels, Observation seen) {
    var alert = new Alert(rule, labels, seen, clock.instant());
    Span span = transition(AlertStatus.FIRING, alert);
    try (Scope current = span.makeCurrent()) { // the alert event goes out in this trace
      alerts.persist(alert);
      outbox.append(AlertEvents.firing(alert, clock.instant()));
    } finally {
      span.end();
    }
    Log.infof(
        "alert firing alertId=%s rule=%s subject=%s", alert.id(), rule.name(), seen.subject());
  }

  private void resolve(Alert alert, Observation seen, String reason) {
    if (alert.resolve(seen, reason, clock.instant())) {
      Span span = transition(AlertStatus.RESOLVED, alert);
      try (Scope current = span.makeCurrent()) {
        outbox.append(AlertEvents.resolved(alert, clock.instant()));
      } finally {
        span.end();
      }
      Log.infof(
          "alert resolved alertId=%s rule=%s subject=%s",
          alert.id(), alert.rule(), alert.subject());
    }
  }

  /** A span per transition, e.g. {@code alert FIRING funding-gap}, in the trace of its cause. */
  private Span transition(AlertStatus to, Alert alert) {
    Span span =
        tracer
            .spanBuilder("alert " + to + " " + alert.rule())
            .setAttribute("jointappeal.alert.id", alert.id().toString())
            .setAttribute("jointappeal.alert.rule", alert.rule())
            .setAttribute("jointappeal.alert.status", to.name())
            .startSpan();
    if (alert.appealCode() != null) {
      span.setAttribute("jointappeal.appeal.code", alert.appealCode());
    }
    return span;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** A donor sees only alerts labelled with its donor code. */
  @Transactional
  public Page<AlertView> search(
      AlertStatus statusOrNull,
      String appealCodeOrNull,
      String ruleOrNull,
      DonorScope scope,
      PageRequest page) {
    var active = silences.activeAt(clock.instant());
    return Page.of(
            alerts.page(statusOrNull, appealCodeOrNull, ruleOrNull, scope.restrictedTo(), page),
            page,
            a -> Cursor.of(a.startsAt(), a.id()))
        .map(a -> AlertView.of(a, active.mutes(a.status() == AlertStatus.FIRING, a.labels())));
  }

  /** Firing alerts per rule, for the metrics. */
  @Transactional
  public List<FiringCount> firingPerRule() {
    return alerts.firingPerRule();
  }

  /** Another donor's alert, or one about no donor, reads as missing to a donor. */
  @Transactional
  public AlertView find(UUID id, DonorScope scope) {
    var active = silences.activeAt(clock.instant());
    return alerts
        .findByIdOptional(id)
        .filter(a -> scope.sees(a.labels()))
        .map(a -> AlertView.of(a, active.mutes(a.status() == AlertStatus.FIRING, a.labels())))
        .orElseThrow(() -> NotFound.of("alert", id));
  }
}
