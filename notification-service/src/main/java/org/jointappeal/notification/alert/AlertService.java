package org.jointappeal.notification.alert;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jointappeal.notification.NotFound;

/** Evaluates the funding-gap rule on every funding change and keeps alert state. */
@ApplicationScoped
public class AlertService {

  static final String FUNDING_GAP = "funding-gap";

  private final AlertRepository alerts;
  private final AppealCoverageRepository coverages;
  private final FundingGapConfig gap;
  private final Clock clock;

  AlertService(
      AlertRepository alerts,
      AppealCoverageRepository coverages,
      FundingGapConfig gap,
      Clock clock) {
    this.alerts = alerts;
    this.coverages = coverages;
    this.gap = gap;
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
    String fingerprint = "appeal=" + appealCode + ",rule=" + FUNDING_GAP;
    var firing = alerts.findFiring(fingerprint);
    BigDecimal threshold = gap.thresholdPercent();
    boolean inGap = coveragePercent != null && coveragePercent.compareTo(threshold) < 0;
    String summary =
        "appeal %s is %s%% covered (threshold %s%%)"
            .formatted(
                appealCode,
                coveragePercent == null ? "n/a" : coveragePercent.toPlainString(),
                threshold);
    if (inGap && firing.isEmpty()) {
      alerts.persist(
          new Alert(
              FUNDING_GAP,
              appealCode,
              fingerprint,
              summary,
              coveragePercent,
              threshold,
              clock.instant()));
      Log.infof("alert firing rule=%s appeal=%s", FUNDING_GAP, appealCode);
    } else if (inGap) {
      firing.get().annotate(summary, coveragePercent);
    } else if (firing.isPresent()) {
      firing.get().resolve(summary, coveragePercent, clock.instant());
      Log.infof("alert resolved rule=%s appeal=%s", FUNDING_GAP, appealCode);
    }
  }

  public List<AlertView> search(AlertStatus statusOrNull, String appealCodeOrNull) {
    return alerts.search(statusOrNull, appealCodeOrNull).stream().map(AlertView::of).toList();
  }

  public AlertView find(UUID id) {
    return alerts
        .findByIdOptional(id)
        .map(AlertView::of)
        .orElseThrow(() -> NotFound.of("alert", id));
  }
}
