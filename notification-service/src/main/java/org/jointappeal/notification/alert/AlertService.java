package org.jointappeal.notification.alert;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jointappeal.notification.DonorScope;
import org.jointappeal.notification.NotFound;
import org.jointappeal.notification.silence.SilenceService;

/**
 * Evaluates the alert rules on every funding change, on every rule change and on a schedule (for
 * rules that become active on a date), and keeps alert state: one FIRING alert per identity.
 */
@ApplicationScoped
public class AlertService {

  private final AlertRepository alerts;
  private final AlertRuleRepository rules;
  private final AppealCoverageRepository coverages;
  private final SilenceService silences;
  private final Clock clock;

  AlertService(
      AlertRepository alerts,
      AlertRuleRepository rules,
      AppealCoverageRepository coverages,
      SilenceService silences,
      Clock clock) {
    this.alerts = alerts;
    this.rules = rules;
    this.coverages = coverages;
    this.silences = silences;
    this.clock = clock;
  }

  /**
   * Runs in the consumer's transaction. Coverage is null while an appeal has no requirements: no
   * gap can be measured then, so nothing fires.
   */
  @Transactional(TxType.MANDATORY)
  public void onFundingChanged(String appealCode, long fundingVersion, BigDecimal coveragePercent) {
    if (!coverages
        .lockOrCreate(appealCode)
        .update(fundingVersion, coveragePercent, clock.instant())) {
      Log.debugf("stale funding state ignored appeal=%s version=%d", appealCode, fundingVersion);
      return;
    }
    for (AlertRule rule : rules.watching(appealCode)) {
      evaluate(rule, appealCode, coveragePercent);
    }
  }

  /**
   * Brings a rule's alerts in line with the rule as it now stands: alerts whose identity it no
   * longer produces resolve, and every appeal it watches is evaluated with its latest coverage.
   */
  @Transactional(TxType.MANDATORY)
  void reconcile(AlertRule rule) {
    var watched = coverages.lockWatchedBy(rule);
    for (Alert firing : alerts.firingOf(rule.id())) {
      if (!rule.watches(firing.appealCode())
          || !firing.fingerprint().equals(fingerprintOf(rule, firing.appealCode()))) {
        resolve(firing, firing.coveragePercent(), "rule %s changed".formatted(rule.name()));
      }
    }
    for (AppealCoverage coverage : watched) {
      evaluate(rule, coverage.appealCode(), coverage.coveragePercent());
    }
  }

  /** A deleted rule's firing alerts resolve; their history stays. */
  @Transactional(TxType.MANDATORY)
  void retire(AlertRule rule) {
    coverages.lockWatchedBy(rule);
    for (Alert firing : alerts.firingOf(rule.id())) {
      resolve(firing, firing.coveragePercent(), "rule %s deleted".formatted(rule.name()));
    }
  }

  /** Every rule again, with the clock's date: a rule active from today starts firing. */
  @Transactional
  public void reevaluateAll() {
    for (AlertRule rule : rules.all()) {
      reconcile(rule);
    }
  }

  private void evaluate(AlertRule rule, String appealCode, BigDecimal coveragePercent) {
    var firing = alerts.findFiring(fingerprintOf(rule, appealCode));
    boolean inGap = rule.isGap(coveragePercent, today());
    String summary =
        "appeal %s is %s%% covered (threshold %s%%)"
            .formatted(
                appealCode,
                coveragePercent == null ? "n/a" : coveragePercent.toPlainString(),
                rule.thresholdPercent().toPlainString());
    if (inGap && firing.isEmpty()) {
      alerts.persist(new Alert(rule, appealCode, summary, coveragePercent, clock.instant()));
      Log.infof("alert firing rule=%s appeal=%s", rule.name(), appealCode);
    } else if (inGap) {
      firing.get().annotate(summary, coveragePercent);
    } else if (firing.isPresent()) {
      resolve(firing.get(), coveragePercent, summary);
    }
  }

  private void resolve(Alert alert, BigDecimal coveragePercent, String summary) {
    alert.resolve(summary, coveragePercent, clock.instant());
    Log.infof("alert resolved rule=%s appeal=%s", alert.rule(), alert.appealCode());
  }

  private static String fingerprintOf(AlertRule rule, String appealCode) {
    return AlertRule.fingerprint(rule.alertLabels(appealCode));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** A donor sees only alerts labelled with its donor code. */
  @Transactional
  public List<AlertView> search(
      AlertStatus statusOrNull, String appealCodeOrNull, String ruleOrNull, DonorScope scope) {
    var active = silences.activeAt(clock.instant());
    return alerts.search(statusOrNull, appealCodeOrNull, ruleOrNull).stream()
        .filter(a -> scope.sees(a.labels()))
        .map(a -> AlertView.of(a, active.mutes(a.status() == AlertStatus.FIRING, a.labels())))
        .toList();
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
