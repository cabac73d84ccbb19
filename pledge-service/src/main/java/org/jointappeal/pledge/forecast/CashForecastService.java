package org.jointappeal.pledge.forecast;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.NotFound;
import org.jointappeal.pledge.events.ForecastProjectedV1;
import org.jointappeal.pledge.known.KnownAppeal;
import org.jointappeal.pledge.known.KnownAppealRepository;
import org.jointappeal.pledge.messaging.Outbox;

/**
 * The cash-in forecast on pledge-service's ledger (docs/forecast.md), and the projection to an
 * appeal's period end that is published for the early warning.
 */
@ApplicationScoped
public class CashForecastService {

  public static final int MAX_MONTHS = 36;

  private final LedgerCashFacts ledger;
  private final KnownAppealRepository appeals;
  private final Outbox outbox;
  private final EntityManager em;
  private final ForecastConfig config;
  private final Clock clock;

  CashForecastService(
      LedgerCashFacts ledger,
      KnownAppealRepository appeals,
      Outbox outbox,
      EntityManager em,
      ForecastConfig config,
      Clock clock) {
    this.ledger = ledger;
    this.appeals = appeals;
    this.outbox = outbox;
    this.em = em;
    this.config = config;
    this.clock = clock;
  }

  /**
   * The forecast of one appeal (or of every appeal when {@code appealCodeOrNull} is null) as of a
   * business date (default today), from what was recorded at or before {@code knownAtOrNull}
   * (default: everything recorded so far). A donor's scope forecasts its own pledges only, learned
   * from its own history.
   */
  @Transactional
  public CashForecastView forecast(
      String appealCodeOrNull,
      LocalDate asOfOrNull,
      Instant knownAtOrNull,
      int months,
      DonorScope scope) {
    if (appealCodeOrNull != null && appeals.findByIdOptional(appealCodeOrNull).isEmpty()) {
      throw NotFound.of("appeal", appealCodeOrNull);
    }
    LocalDate asOf = asOfOrNull == null ? today() : asOfOrNull;
    Instant knownAt = knownAtOrNull == null ? clock.instant() : knownAtOrNull;
    String donor = scope.restrictedTo().map(d -> d.value()).orElse(null);
    var request =
        new ForecastRequest(
            appealCodeOrNull,
            donor,
            asOf,
            months,
            ForecastRequest.DEFAULT_SEED,
            ForecastRequest.DEFAULT_SIMULATIONS);
    return CashForecastView.of(run(request, knownAt, scope), knownAt);
  }

  private CashForecast run(ForecastRequest request, Instant knownAt, DonorScope scope) {
    try {
      return new CashForecaster(ledger.knownAt(knownAt, scope)).forecast(request);
    } catch (CashForecaster.MissingRate e) {
      throw DomainRuleViolation.of(
          DomainRule.MISSING_UNORE_RATE,
          "no UN operational rate of exchange for %s in force on %s (or known then)"
              .formatted(e.currency, e.asOf));
    }
  }

  /** Launched appeals whose period is not over on {@code day}: those the job projects. */
  @Transactional
  public List<String> projectable(LocalDate day) {
    return appeals
        .find("status = 'LAUNCHED' and periodEnd >= ?1 and requirementsUsd is not null", day)
        .list()
        .stream()
        .map(KnownAppeal::code)
        .toList();
  }

  /**
   * Projects the appeal's funding to its period end as of {@code asOfOrNull} (default today) and
   * publishes it (org.jointappeal.forecast.projected.v1, through the outbox) when it changed
   * materially since the last one published: a first projection, another number of whole months
   * left, another period end or requirements, or a coverage quantile moved by at least
   * pledge.forecast.material-change-percent points. Returns the projection and whether it went out.
   */
  @Transactional
  public Projection project(String appealCode, LocalDate asOfOrNull) {
    var appeal =
        appeals.findByIdOptional(appealCode).orElseThrow(() -> NotFound.of("appeal", appealCode));
    LocalDate asOf = asOfOrNull == null ? today() : asOfOrNull;
    if (appeal.periodEnd() == null || appeal.requirementsUsd() == null) {
      throw DomainRuleViolation.of(
          DomainRule.APPEAL_NOT_LAUNCHED,
          "appeal %s has no known period end or requirements to project to".formatted(appealCode));
    }
    var f =
        run(
            ForecastRequest.of(appealCode, asOf, MAX_MONTHS),
            clock.instant(),
            DonorScope.everyone());
    var view = CashForecastView.of(f, null).periodEnd();
    if (view == null) {
      throw DomainRuleViolation.of(
          DomainRule.APPEAL_NOT_LAUNCHED,
          "appeal %s has no requirements to project against".formatted(appealCode));
    }
    int monthsLeft =
        asOf.isAfter(appeal.periodEnd())
            ? 0
            : (int) ChronoUnit.MONTHS.between(asOf, appeal.periodEnd());
    var event =
        new ForecastProjectedV1(
            appealCode,
            asOf,
            appeal.periodStart(),
            appeal.periodEnd(),
            monthsLeft,
            view.requirements(),
            view.paidAsOf(),
            view.expectedFunding(),
            view.p10Funding(),
            view.p50Funding(),
            view.p90Funding(),
            view.p10CoveragePercent(),
            view.p50CoveragePercent(),
            view.p90CoveragePercent(),
            f.modelVersion(),
            f.seed(),
            asOf,
            clock.instant());
    boolean material = material(event);
    if (material) {
      remember(event);
      outbox.append(event);
      Log.infof(
          "projection published appeal=%s asOf=%s p50CoveragePercent=%s monthsLeft=%d",
          appealCode, asOf, event.p50CoveragePercent(), monthsLeft);
    }
    return new Projection(material, event);
  }

  /** A projection and whether it was published (false: no material change since the last one). */
  public record Projection(boolean published, ForecastProjectedV1 projection) {}

  private boolean material(ForecastProjectedV1 e) {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        em.createNativeQuery(
                "select as_of, period_end, requirements_usd, p10_coverage, p50_coverage,"
                    + " p90_coverage from forecast_projection where appeal_code = :appeal"
                    + " for update")
            .setParameter("appeal", e.appealCode())
            .getResultList();
    if (rows.isEmpty()) {
      return true;
    }
    Object[] last = rows.get(0);
    LocalDate lastAsOf = date(last[0]);
    LocalDate lastEnd = date(last[1]);
    int lastMonthsLeft =
        lastAsOf.isAfter(lastEnd) ? 0 : (int) ChronoUnit.MONTHS.between(lastAsOf, lastEnd);
    BigDecimal step = config.materialChangePercent();
    return lastMonthsLeft != e.monthsLeft()
        || !lastEnd.equals(e.periodEnd())
        || ((BigDecimal) last[2]).compareTo(e.requirements().amount()) != 0
        || moved((BigDecimal) last[3], e.p10CoveragePercent(), step)
        || moved((BigDecimal) last[4], e.p50CoveragePercent(), step)
        || moved((BigDecimal) last[5], e.p90CoveragePercent(), step);
  }

  private static LocalDate date(Object value) {
    return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
  }

  private static boolean moved(BigDecimal before, BigDecimal now, BigDecimal step) {
    return before.subtract(now).abs().compareTo(step) >= 0;
  }

  private void remember(ForecastProjectedV1 e) {
    em.createNativeQuery(
            "insert into forecast_projection (appeal_code, as_of, period_end, requirements_usd,"
                + " p10_coverage, p50_coverage, p90_coverage, published_at)"
                + " values (:appeal, :asOf, :end, :req, :p10, :p50, :p90, :at)"
                + " on conflict (appeal_code) do update set as_of = excluded.as_of,"
                + " period_end = excluded.period_end, requirements_usd = excluded.requirements_usd,"
                + " p10_coverage = excluded.p10_coverage, p50_coverage = excluded.p50_coverage,"
                + " p90_coverage = excluded.p90_coverage, published_at = excluded.published_at")
        .setParameter("appeal", e.appealCode())
        .setParameter("asOf", e.asOf())
        .setParameter("end", e.periodEnd())
        .setParameter("req", e.requirements().amount())
        .setParameter("p10", e.p10CoveragePercent())
        .setParameter("p50", e.p50CoveragePercent())
        .setParameter("p90", e.p90CoveragePercent())
        .setParameter("at", Timestamp.from(e.recordedAt()))
        .executeUpdate();
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
