package org.jointappeal.appeal.funding;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jointappeal.appeal.NotFound;
import org.jointappeal.appeal.appeal.Appeal;
import org.jointappeal.appeal.appeal.AppealLaunched;
import org.jointappeal.appeal.appeal.AppealRepository;
import org.jointappeal.appeal.appeal.AppealRevised;
import org.jointappeal.appeal.appeal.AppealStatus;
import org.jointappeal.appeal.messaging.FundingChangedV1;
import org.jointappeal.appeal.messaging.Outbox;
import org.jointappeal.appeal.messaging.PledgeEventV1.PledgeChanged;

/** The funding projection: pledges as pledge-service reports them, against the requirements. */
@ApplicationScoped
public class FundingService {

  private final AppealRepository appeals;
  private final PledgeStateHistory history;
  private final AppealFundingRepository projections;
  private final Outbox outbox;
  private final Clock clock;
  private final EntityManager em;

  FundingService(
      AppealRepository appeals,
      PledgeStateHistory history,
      AppealFundingRepository projections,
      Outbox outbox,
      Clock clock,
      EntityManager em) {
    this.appeals = appeals;
    this.history = history;
    this.projections = projections;
    this.outbox = outbox;
    this.clock = clock;
    this.em = em;
  }

  /** A launched appeal starts with zero funding, published so that gap alerts can see it. */
  void onLaunch(@Observes AppealLaunched launched) {
    publish(launched.appeal(), launched.appeal().launchedOn());
  }

  /** New requirements, new coverage: published in the revision's transaction. */
  void onRevision(@Observes AppealRevised revised) {
    publish(revised.appeal(), revised.effectiveOn());
  }

  /** An appeal whose figures a batch changed: the business date and index of its last event. */
  public record Touched(String appealCode, LocalDate occurredOn, int lastEvent) {}

  /**
   * Keeps a batch of pledge states, in the consumer's transaction next to their inbox rows, and
   * answers which appeals' figures they changed, in appeal code order (two instances locking the
   * same appeals lock them in the same order). The caller publishes each once: a burst of events
   * for one appeal is one funding.changed with the newest figures, not one per event.
   */
  @Transactional(TxType.MANDATORY)
  public List<Touched> keep(List<PledgeChanged> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    // The queries that follow are native: with the default AUTO flush mode each one would first
    // flush, and dirty-check, every appeal loaded so far in this batch. Nothing here reads back
    // what
    // Hibernate holds unflushed (pledge states go in by JDBC), so once, at commit, is enough.
    em.setFlushMode(FlushModeType.COMMIT);
    var changed =
        history.keepAll(
            events.stream()
                .map(e -> new PledgeStateHistory.Applied(e.pledge(), e.occurredOn()))
                .toList(),
            clock.instant());
    Map<String, Touched> touched = new TreeMap<>();
    for (int i = 0; i < events.size(); i++) {
      var event = events.get(i);
      if (changed.get(i)) {
        touched.put(event.appealCode(), new Touched(event.appealCode(), event.occurredOn(), i));
      } else {
        Log.debugf(
            "stale pledge state kept for history only pledgeId=%s version=%d",
            event.pledge().pledgeId(), event.pledge().version());
      }
    }
    return List.copyOf(touched.values());
  }

  /** Publishes the appeal's figures as they now stand, dated with the last event's date. */
  @Transactional(TxType.MANDATORY)
  public void publish(Touched touched) {
    appeals
        .findByIdOptional(touched.appealCode())
        .ifPresentOrElse(
            appeal -> publish(appeal, touched.occurredOn()),
            () ->
                Log.warnf(
                    "pledge for an appeal this service does not know appeal=%s",
                    touched.appealCode()));
  }

  /** The figures now (asOf null) or at the end of a business date, optionally grouped. */
  public FundingStatus status(String appealCode, LocalDate asOf, GroupBy groupBy) {
    var appeal =
        appeals.findByIdOptional(appealCode).orElseThrow(() -> NotFound.of("appeal", appealCode));
    return statusOf(appeal, asOf, groupBy);
  }

  /** The same, for the public: launched and closed appeals only (a draft is not found). */
  public FundingStatus publicStatus(String appealCode, LocalDate asOf, GroupBy groupBy) {
    var appeal =
        appeals
            .findByIdOptional(appealCode)
            .filter(a -> a.status() != AppealStatus.DRAFT)
            .orElseThrow(() -> NotFound.of("appeal", appealCode));
    return statusOf(appeal, asOf, groupBy);
  }

  private FundingStatus statusOf(Appeal appeal, LocalDate asOf, GroupBy groupBy) {
    var states = history.asOf(appeal.code(), asOf == null ? PledgeStateHistory.END_OF_TIME : asOf);
    return statusOf(appeal, asOf, groupBy, states);
  }

  private FundingStatus statusOf(
      Appeal appeal, LocalDate asOf, GroupBy groupBy, List<PledgeFacts> states) {
    List<RequirementFacts> lines;
    Integer revision;
    BigDecimal original;
    if (asOf == null) {
      lines = appeal.lines().stream().map(RequirementFacts::of).toList();
      revision = appeal.latestRevision().map(r -> r.number()).orElse(null);
      original = appeal.originalRequirements().amount();
    } else {
      var inForce = appeal.revisionInForceOn(asOf);
      lines =
          inForce.map(r -> r.lines().stream().map(RequirementFacts::of).toList()).orElse(List.of());
      revision = inForce.map(r -> r.number()).orElse(null);
      // before the launch, nothing was required yet
      original = inForce.isPresent() ? appeal.originalRequirements().amount() : BigDecimal.ZERO;
    }
    return FundingCalculator.compute(
        appeal.code(), asOf, revision, original, lines, states, groupBy);
  }

  private void publish(Appeal appeal, LocalDate occurredOn) {
    var projection = projections.lockOrCreate(appeal.code());
    long version = projection.nextVersion();
    // read once, under the lock: every grouping is computed from the same states
    var states = history.asOf(appeal.code(), PledgeStateHistory.END_OF_TIME);
    var figures = statusOf(appeal, null, null, states).figures();
    projection.published(figures);
    Map<String, List<FundingChangedV1.GroupFiguresV1>> groups = new LinkedHashMap<>();
    for (GroupBy grouping : GroupBy.values()) {
      if (grouping.ofLines()) {
        // the same calculation as GET /appeals/{code}/funding?groupBy=, so both always agree
        groups.put(
            grouping.parameter(),
            statusOf(appeal, null, grouping, states).groups().stream()
                .map(FundingChangedV1.GroupFiguresV1::of)
                .toList());
      }
    }
    outbox.append(
        new FundingChangedV1(appeal.code(), version, figures, groups, occurredOn, clock.instant()));
    Log.infof("funding changed appeal=%s version=%d", appeal.code(), version);
  }
}
