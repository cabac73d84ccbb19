package org.jointappeal.appeal.funding;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.jointappeal.appeal.NotFound;
import org.jointappeal.appeal.appeal.Appeal;
import org.jointappeal.appeal.appeal.AppealLaunched;
import org.jointappeal.appeal.appeal.AppealRepository;
import org.jointappeal.appeal.messaging.FundingChangedV1;
import org.jointappeal.appeal.messaging.Outbox;
import org.jointappeal.appeal.messaging.PledgeEventV1.PledgeChanged;

/** The funding projection: pledges as pledge-service reports them, against current requirements. */
@ApplicationScoped
public class FundingService {

  private final AppealRepository appeals;
  private final PledgeCopyRepository pledges;
  private final AppealFundingRepository projections;
  private final Outbox outbox;
  private final Clock clock;

  FundingService(
      AppealRepository appeals,
      PledgeCopyRepository pledges,
      AppealFundingRepository projections,
      Outbox outbox,
      Clock clock) {
    this.appeals = appeals;
    this.pledges = pledges;
    this.projections = projections;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A launched appeal starts with zero funding, published so that gap alerts can see it. */
  void onLaunch(@Observes AppealLaunched launched) {
    publish(launched.appeal(), launched.appeal().launchedOn());
  }

  /** Runs in the consumer's transaction, next to its inbox row. */
  @Transactional(TxType.MANDATORY)
  public void apply(PledgeChanged event) {
    var state = event.pledge();
    var copy = pledges.findByIdOptional(state.pledgeId());
    boolean changed;
    if (copy.isEmpty()) {
      pledges.persist(
          new PledgeCopy(
              state.pledgeId(),
              state.appealCode(),
              state.donorCode(),
              state.status(),
              state.usdValue().amount(),
              state.version(),
              clock.instant()));
      changed = true;
    } else {
      changed =
          copy.get()
              .update(state.status(), state.usdValue().amount(), state.version(), clock.instant());
    }
    if (!changed) {
      Log.debugf(
          "stale pledge state ignored pledgeId=%s version=%d", state.pledgeId(), state.version());
      return;
    }
    var appeal = appeals.findByIdOptional(event.appealCode());
    if (appeal.isEmpty()) {
      Log.warnf("pledge for an appeal this service does not know appeal=%s", event.appealCode());
      return;
    }
    pledges.flush(); // the totals below must see this pledge
    publish(appeal.get(), event.occurredOn());
  }

  public FundingFigures figures(String appealCode) {
    var appeal =
        appeals.findByIdOptional(appealCode).orElseThrow(() -> NotFound.of("appeal", appealCode));
    return figuresOf(appeal);
  }

  private void publish(Appeal appeal, LocalDate occurredOn) {
    long version = projections.lockOrCreate(appeal.code()).nextVersion();
    var figures = figuresOf(appeal);
    outbox.append(
        new FundingChangedV1(appeal.code(), version, figures, occurredOn, clock.instant()));
    Log.infof("funding changed appeal=%s version=%d", appeal.code(), version);
  }

  private FundingFigures figuresOf(Appeal appeal) {
    var totals = pledges.usdTotalsByStatus(appeal.code());
    BigDecimal requirements = appeal.currentRequirements().amount();
    // revisions arrive with a later issue: until then the original requirements are the current
    // ones
    return FundingFigures.of(
        requirements,
        requirements,
        totals.getOrDefault("ANNOUNCED", BigDecimal.ZERO),
        totals.getOrDefault("COMMITTED", BigDecimal.ZERO),
        BigDecimal.ZERO);
  }
}
