package org.jointappeal.pledge.appeal;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.messaging.AppealLaunchedV1;

/** The appeals pledge-service knows of, and whether they accept pledges. */
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
  public void apply(AppealLaunchedV1 event) {
    var appeal = event.appeal();
    var known = appeals.findByIdOptional(appeal.code());
    if (known.isEmpty()) {
      appeals.persist(
          new KnownAppeal(
              appeal.code(), appeal.title(), appeal.status(), appeal.version(), clock.instant()));
      Log.infof("appeal now known appeal=%s status=%s", appeal.code(), appeal.status());
    } else if (known
        .get()
        .update(appeal.title(), appeal.status(), appeal.version(), clock.instant())) {
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
