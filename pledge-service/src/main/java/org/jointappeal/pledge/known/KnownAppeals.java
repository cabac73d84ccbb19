package org.jointappeal.pledge.known;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.NotYetKnown;
import org.jointappeal.pledge.events.AppealChangedV1;

/** The appeals pledge-service knows of, whether they accept pledges, and their lines. */
@ApplicationScoped
public class KnownAppeals {

  private final KnownAppealRepository appeals;
  private final Clock clock;
  private final AppealsConfig config;

  KnownAppeals(KnownAppealRepository appeals, Clock clock, AppealsConfig config) {
    this.appeals = appeals;
    this.clock = clock;
    this.config = config;
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
            appeal.periodStart(),
            appeal.periodEnd(),
            requirementsUsd(appeal),
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

  /**
   * The current requirements when the event carries them in USD, else null (keep what is known).
   */
  private static BigDecimal requirementsUsd(AppealChangedV1.AppealState appeal) {
    var r = appeal.currentRequirements();
    return r == null || r.amount() == null || !"USD".equals(r.currency()) ? null : r.amount();
  }

  /**
   * An appeal pledges may be announced against, or the answer that says no. pledge-service knows
   * appeals only from appeal-service's events, so an unknown code is either an appeal whose launch
   * has not arrived yet or one that does not exist: it cannot tell which, so it says "not yet
   * known, retry" (409 with Retry-After) rather than something false. An appeal it knows as a draft
   * or closed is refused as not launched (422).
   */
  public KnownAppeal requireOpenForPledges(String appealCode) {
    var appeal =
        appeals
            .findToRead(appealCode)
            .orElseThrow(() -> NotYetKnown.appeal(appealCode, config.notYetKnownRetryAfter()));
    if (!appeal.acceptsPledges()) {
      throw DomainRuleViolation.of(
          DomainRule.APPEAL_NOT_LAUNCHED,
          "appeal %s is %s, not a launched appeal".formatted(appealCode, appeal.status()));
    }
    return appeal;
  }
}
