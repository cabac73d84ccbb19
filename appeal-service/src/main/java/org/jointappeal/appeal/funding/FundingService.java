package org.jointappeal.appeal.funding;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jointappeal.appeal.NotFound;
import org.jointappeal.appeal.appeal.Appeal;
import org.jointappeal.appeal.appeal.AppealLaunched;
import org.jointappeal.appeal.appeal.AppealRepository;
import org.jointappeal.appeal.appeal.AppealRevised;
import org.jointappeal.appeal.appeal.AppealRevision;
import org.jointappeal.appeal.appeal.AppealStatus;
import org.jointappeal.appeal.events.FundingChangedV1;
import org.jointappeal.appeal.events.PledgeEventV1.PledgeChanged;
import org.jointappeal.appeal.messaging.Outbox;

/**
 * The funding figures: today's from the ledger's running totals with the revision in force today;
 * as of a date and as known at an instant from the ledger's movements, with the revision in force
 * on that date as known then (docs/decisions/0007-funding-ledger.md).
 */
@ApplicationScoped
public class FundingService {

  /** As-of answers kept per appeal, ledger version, date and instant: enough for a dashboard. */
  private static final int CACHED_ANSWERS = 2_000;

  private final AppealRepository appeals;
  private final FundingLedger ledger;
  private final AppealFundingRepository projections;
  private final Outbox outbox;
  private final Clock clock;
  private final EntityManager em;
  private final Map<AsOfKey, CompletableFuture<List<Holding>>> answers =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(
                Map.Entry<AsOfKey, CompletableFuture<List<Holding>>> eldest) {
              return size() > CACHED_ANSWERS;
            }
          });

  private record AsOfKey(String appealCode, long ledgerVersion, LocalDate asOf, Instant knownAt) {}

  FundingService(
      AppealRepository appeals,
      FundingLedger ledger,
      AppealFundingRepository projections,
      Outbox outbox,
      Clock clock,
      EntityManager em) {
    this.appeals = appeals;
    this.ledger = ledger;
    this.projections = projections;
    this.outbox = outbox;
    this.clock = clock;
    this.em = em;
  }

  /** A launched appeal starts with zero funding, published so that gap alerts can see it. */
  void onLaunch(@Observes AppealLaunched launched) {
    publish(launched.appeal(), launched.appeal().launchedOn());
  }

  /** A revision taking effect changes the coverage: published in that transaction. */
  void onRevision(@Observes AppealRevised revised) {
    publish(revised.appeal(), revised.effectiveOn());
  }

  /** An appeal whose figures a batch changed: the business date and index of its last event. */
  public record Touched(String appealCode, LocalDate occurredOn, int lastEvent) {}

  /**
   * Takes a batch of pledge events into the ledger, in the consumer's transaction next to their
   * inbox rows, and answers which appeals' figures they changed, in appeal code order (two
   * instances locking the same appeals lock them in the same order). The caller publishes each
   * once: a burst of events for one appeal is one funding.changed with the newest figures.
   */
  @Transactional(TxType.MANDATORY)
  public List<Touched> keep(List<PledgeChanged> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    // The queries that follow are native: with the default AUTO flush mode each one would first
    // flush, and dirty-check, every appeal loaded so far in this batch. Nothing here reads back
    // what Hibernate holds unflushed (the ledger is written by JDBC): once, at commit, is enough.
    em.setFlushMode(FlushModeType.COMMIT);
    var changed = ledger.keepAll(events, clock.instant());
    Map<String, Touched> touched = new TreeMap<>();
    for (int i = 0; i < events.size(); i++) {
      var event = events.get(i);
      if (changed.get(i)) {
        touched.put(event.appealCode(), new Touched(event.appealCode(), event.occurredOn(), i));
      } else {
        Log.debugf(
            "pledge version not newer than the one held, history only pledgeId=%s version=%d",
            event.pledge().pledgeId(), event.pledge().version());
      }
    }
    return List.copyOf(touched.values());
  }

  /** Publishes the appeal's figures as they now stand, dated with the last event's date. */
  @Transactional(TxType.MANDATORY)
  public void publish(Touched touched) {
    publish(touched.appealCode(), touched.occurredOn());
  }

  /** The same for an appeal code and business date. */
  @Transactional(TxType.MANDATORY)
  public void publish(String appealCode, LocalDate occurredOn) {
    appeals
        .findByIdOptional(appealCode)
        .ifPresentOrElse(
            appeal -> publish(appeal, occurredOn),
            () ->
                Log.warnf("pledge for an appeal this service does not know appeal=%s", appealCode));
  }

  /**
   * Keeps the appeals a large batch changed for later (a replay far behind the topic's end): each
   * gets one funding.changed.v1 once the consumer has caught up, not one per batch.
   */
  @Transactional(TxType.MANDATORY)
  public void defer(List<Touched> touched) {
    if (touched.isEmpty()) {
      return;
    }
    // one statement for the batch's appeals (they are distinct): a replay touches ~1,000 a batch
    em.createNativeQuery(
            """
            insert into funding_unpublished (appeal_code, occurred_on, touched_at)
            select code, day, clock_timestamp()
            from unnest(cast(?1 as text[]), cast(cast(?2 as text[]) as date[])) as t(code, day)
            on conflict (appeal_code) do update set occurred_on = excluded.occurred_on,
              touched_at = excluded.touched_at""")
        .setParameter(1, touched.stream().map(Touched::appealCode).toArray(String[]::new))
        .setParameter(
            2, touched.stream().map(t -> t.occurredOn().toString()).toArray(String[]::new))
        .executeUpdate();
  }

  /**
   * Publishes the deferred appeals untouched for {@code quiet} (zero: all), except those the caller
   * publishes itself; each row is taken by one instance (skip locked) and deleted in the same
   * transaction as its funding.changed.v1.
   */
  @Transactional(TxType.MANDATORY)
  public int publishDeferred(Duration quiet, Set<String> publishedByCaller) {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> due =
        em.createNativeQuery(
                """
                delete from funding_unpublished where appeal_code in (
                  select appeal_code from funding_unpublished
                  where touched_at <= clock_timestamp() - make_interval(secs => ?1)
                  order by appeal_code for update skip locked)
                returning appeal_code, occurred_on""")
            .setParameter(1, (double) quiet.toMillis() / 1000)
            .getResultList();
    int published = 0;
    for (Object[] row : due.stream().sorted(Comparator.comparing(r -> (String) r[0])).toList()) {
      String appealCode = (String) row[0];
      if (!publishedByCaller.contains(appealCode)) {
        publish(appealCode, row[1] instanceof LocalDate day ? day : ((Date) row[1]).toLocalDate());
        published++;
      }
    }
    return published;
  }

  /** The figures now (asOf and knownAt null), or as of a business date and/or as known then. */
  public FundingStatus status(String appealCode, LocalDate asOf, Instant knownAt, GroupBy groupBy) {
    var appeal =
        appeals.findByIdOptional(appealCode).orElseThrow(() -> NotFound.of("appeal", appealCode));
    return statusOf(appeal, asOf, knownAt, groupBy);
  }

  /** The same, for the public: launched and closed appeals only (a draft is not found). */
  public FundingStatus publicStatus(
      String appealCode, LocalDate asOf, Instant knownAt, GroupBy groupBy) {
    var appeal =
        appeals
            .findByIdOptional(appealCode)
            .filter(a -> a.status() != AppealStatus.DRAFT)
            .orElseThrow(() -> NotFound.of("appeal", appealCode));
    return statusOf(appeal, asOf, knownAt, groupBy);
  }

  private FundingStatus statusOf(Appeal appeal, LocalDate asOf, Instant knownAt, GroupBy groupBy) {
    if (asOf == null && knownAt == null) {
      return current(appeal, groupBy, ledger.current(appeal.code()));
    }
    Instant known = knownAt == null ? FundingLedger.END_OF_RECORDING : knownAt;
    LocalDate through = asOf == null ? FundingLedger.END_OF_TIME : asOf;
    var key = new AsOfKey(appeal.code(), ledger.ledgerVersion(appeal.code()), through, known);
    var holdings = answer(key, () -> List.copyOf(ledger.asOf(appeal.code(), through, known)));
    if (asOf == null) {
      // today's figures as they were answered at knownAt: the revision in force on that day
      var day = knownAt.atOffset(ZoneOffset.UTC).toLocalDate();
      return withRevision(appeal, null, groupBy, holdings, inForce(appeal, day, knownAt));
    }
    // before the launch nothing was required yet: no revision in force, no requirements
    return withRevision(appeal, asOf, groupBy, holdings, appeal.revisionInForceOn(asOf, known));
  }

  /**
   * The as-of answer for a key, computed once: requests arriving while it is being summed wait for
   * that sum rather than each summing the same movements again (at 100 requests/s on an appeal of
   * 10,000 pledges, dozens of requests could otherwise sum side by side on a new ledger version).
   * The key holds the ledger version, so a cached answer is exact until the ledger changes.
   */
  private List<Holding> answer(AsOfKey key, Supplier<List<Holding>> sum) {
    var mine = new CompletableFuture<List<Holding>>();
    var theirs = answers.putIfAbsent(key, mine);
    if (theirs != null) {
      try {
        return theirs.join();
      } catch (CompletionException failed) {
        // the request that summed failed (its own problem, e.g. cancelled): sum here instead
        return sum.get();
      }
    }
    try {
      mine.complete(sum.get());
    } catch (RuntimeException failed) {
      answers.remove(key, mine);
      mine.completeExceptionally(failed);
      throw failed;
    }
    return mine.join();
  }

  /**
   * The revision in force on a day as known at an instant; before the first one's date (a clock set
   * back), the first one known: today's figures always have requirements once launched.
   */
  private static Optional<AppealRevision> inForce(Appeal appeal, LocalDate day, Instant knownAt) {
    var inForce = appeal.revisionInForceOn(day, knownAt);
    if (inForce.isPresent()) {
      return inForce;
    }
    return appeal.revisions().stream().filter(r -> !r.recordedAt().isAfter(knownAt)).findFirst();
  }

  private FundingStatus current(Appeal appeal, GroupBy groupBy, List<Holding> holdings) {
    if (appeal.revisions().isEmpty()) {
      // a draft: its lines as they stand
      return FundingCalculator.compute(
          appeal.code(),
          null,
          null,
          appeal.originalRequirements().amount(),
          appeal.lines().stream().map(RequirementFacts::of).toList(),
          holdings,
          groupBy);
    }
    return withRevision(
        appeal, null, groupBy, holdings, inForce(appeal, LocalDate.now(clock), Instant.MAX));
  }

  private static FundingStatus withRevision(
      Appeal appeal,
      LocalDate asOf,
      GroupBy groupBy,
      List<Holding> holdings,
      Optional<AppealRevision> revision) {
    var lines =
        revision.map(r -> r.lines().stream().map(RequirementFacts::of).toList()).orElse(List.of());
    BigDecimal original =
        revision.isPresent() ? appeal.originalRequirements().amount() : BigDecimal.ZERO;
    return FundingCalculator.compute(
        appeal.code(),
        asOf,
        revision.map(AppealRevision::number).orElse(null),
        original,
        lines,
        holdings,
        groupBy);
  }

  private void publish(Appeal appeal, LocalDate occurredOn) {
    var projection = projections.lockOrCreate(appeal.code());
    long version = projection.nextVersion();
    // read once, under the lock: every grouping is computed from the same totals
    var holdings = ledger.current(appeal.code());
    var figures = current(appeal, null, holdings).figures();
    projection.published(figures);
    Map<String, List<FundingChangedV1.GroupFiguresV1>> groups = new LinkedHashMap<>();
    for (GroupBy grouping : GroupBy.values()) {
      if (grouping.ofLines()) {
        // the same calculation as GET /appeals/{code}/funding?groupBy=, so both always agree
        groups.put(
            grouping.parameter(),
            current(appeal, grouping, holdings).groups().stream()
                .map(FundingService::eventFigures)
                .toList());
      }
    }
    outbox.append(
        new FundingChangedV1(
            appeal.code(), version, eventFigures(figures), groups, occurredOn, clock.instant()));
    Log.infof("funding changed appeal=%s version=%d", appeal.code(), version);
  }

  private static FundingChangedV1.Figures eventFigures(FundingFigures f) {
    return new FundingChangedV1.Figures(
        f.originalRequirements(),
        f.currentRequirements(),
        f.pledged(),
        f.committed(),
        f.paid(),
        f.funding(),
        f.coveragePercent(),
        f.unmet());
  }

  private static FundingChangedV1.GroupFiguresV1 eventFigures(GroupFunding group) {
    return new FundingChangedV1.GroupFiguresV1(
        group.key(),
        group.currentRequirements(),
        group.funding(),
        group.coveragePercent(),
        group.unmet());
  }
}
