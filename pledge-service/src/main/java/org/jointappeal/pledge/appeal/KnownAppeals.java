package org.jointappeal.pledge.appeal;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.messaging.AppealChangedV1;

/** The appeals pledge-service knows of, whether they accept pledges, and their lines. */
@ApplicationScoped
public class KnownAppeals {

  private final KnownAppealRepository appeals;
  private final Clock clock;

  KnownAppeals(KnownAppealRepository appeals, Clock clock) {
    this.appeals = appeals;
    this.clock = clock;
  }

  /** Runs in the consumer's transaction, next to its inbox row. */
  @Transactional(TxType.MANDATORY)
  public void apply(AppealChangedV1 event) {
    var appeal = event.appeal();
    var existing = appeals.findByIdOptional(appeal.code());
    var known = existing.orElseGet(() -> new KnownAppeal(appeal.code(), appeal.version()));
    List<KnownLine> lines =
        appeal.requirementLines() == null
            ? null
            : appeal.requirementLines().stream()
                .map(l -> new KnownLine(l.lineId(), l.country(), l.agency(), l.sector()))
                .toList();
    boolean applied =
        known.update(
            appeal.title(),
            appeal.status(),
            appeal.periodEnd(),
            lines,
            appeal.version(),
            clock.instant());
    if (existing.isEmpty()) {
      appeals.persist(known);
      Log.infof("appeal now known appeal=%s status=%s", appeal.code(), appeal.status());
    } else if (applied) {
      Log.infof("appeal updated appeal=%s status=%s", appeal.code(), appeal.status());
    } else {
      Log.debugf(
          "stale appeal state ignored appeal=%s version=%d", appeal.code(), appeal.version());
    }
  }

  /** An appeal pledges may be announced against, or the rule that says no. */
  public KnownAppeal requireOpenForPledges(String appealCode) {
    return appeals
        .findByIdOptional(appealCode)
        .filter(KnownAppeal::acceptsPledges)
        .orElseThrow(
            () ->
                DomainRuleViolation.of(
                    DomainRule.APPEAL_NOT_LAUNCHED,
                    "appeal " + appealCode + " is not a launched appeal"));
  }
}
