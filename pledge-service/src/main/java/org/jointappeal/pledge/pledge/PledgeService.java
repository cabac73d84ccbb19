package org.jointappeal.pledge.pledge;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.Forbidden;
import org.jointappeal.pledge.NotFound;
import org.jointappeal.pledge.VersionConflict;
import org.jointappeal.pledge.appeal.KnownAppeals;
import org.jointappeal.pledge.donor.DonorCode;
import org.jointappeal.pledge.donor.DonorScope;
import org.jointappeal.pledge.fx.UnoreRateService;
import org.jointappeal.pledge.messaging.Outbox;
import org.jointappeal.pledge.messaging.PledgeAnnouncedV1;
import org.jointappeal.pledge.messaging.PledgeCommittedV1;

@ApplicationScoped
public class PledgeService {

  private final PledgeRepository pledges;
  private final KnownAppeals appeals;
  private final UnoreRateService rates;
  private final Outbox outbox;
  private final Clock clock;

  PledgeService(
      PledgeRepository pledges,
      KnownAppeals appeals,
      UnoreRateService rates,
      Outbox outbox,
      Clock clock) {
    this.pledges = pledges;
    this.appeals = appeals;
    this.rates = rates;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public PledgeView announce(AnnouncePledgeRequest request, DonorScope scope) {
    DonorCode donor = pledgingDonor(request.donorCode(), scope);
    var amount = request.amount().toMoney();
    notInFuture(request.announcedOn(), "announcedOn");
    appeals.requireOpenForPledges(request.appealCode());
    // announcement date, not today: a pledge keeps the value it had when it was made
    var value = rates.usdValue(amount, request.announcedOn());
    var pledge =
        new Pledge(
            request.appealCode(),
            donor,
            amount,
            value,
            request.announcedOn(),
            request.occasion(),
            clock.instant());
    pledges.persist(pledge);
    pledges.flush();
    outbox.append(PledgeAnnouncedV1.of(pledge, clock.instant()));
    Log.infof(
        "pledge announced pledgeId=%s appeal=%s donor=%s", pledge.id(), pledge.appealCode(), donor);
    return PledgeView.of(pledge);
  }

  @Transactional
  public PledgeView commit(
      UUID pledgeId, CommitPledgeRequest request, OptionalLong expectedVersion) {
    var pledge =
        pledges
            .findInScope(pledgeId, DonorScope.everyone())
            .orElseThrow(() -> NotFound.of("pledge", pledgeId));
    expectedVersion.ifPresent(
        expected -> {
          if (expected != pledge.version()) {
            throw VersionConflict.of("pledge", pledgeId, expected, pledge.version());
          }
        });
    notInFuture(request.signedOn(), "signedOn");
    pledge.commit(request.agreementReference(), request.signedOn());
    pledges.flush(); // the event carries the version this change produced
    outbox.append(PledgeCommittedV1.of(pledge, clock.instant()));
    Log.infof("pledge committed pledgeId=%s appeal=%s", pledge.id(), pledge.appealCode());
    return PledgeView.of(pledge);
  }

  public PledgeView find(UUID pledgeId, DonorScope scope) {
    return pledges
        .findInScope(pledgeId, scope)
        .map(PledgeView::of)
        .orElseThrow(() -> NotFound.of("pledge", pledgeId));
  }

  public List<PledgeView> list(String appealCodeOrNull, DonorScope scope) {
    return pledges.listInScope(appealCodeOrNull, scope).stream().map(PledgeView::of).toList();
  }

  /** A donor pledges only for itself; staff must say for whom. */
  private static DonorCode pledgingDonor(String requested, DonorScope scope) {
    var own = scope.restrictedTo();
    if (own.isPresent()) {
      if (requested != null && !own.get().value().equals(requested)) {
        throw Forbidden.of("a donor may announce pledges only for itself");
      }
      return own.get();
    }
    if (requested == null) {
      throw DomainRuleViolation.of(
          DomainRule.DONOR_REQUIRED, "donorCode is required when pledging for a donor");
    }
    return DonorCode.of(requested);
  }

  private void notInFuture(LocalDate date, String field) {
    if (date.isAfter(LocalDate.now(clock))) {
      throw DomainRuleViolation.of(
          DomainRule.DATE_IN_FUTURE, field + " " + date + " is in the future");
    }
  }
}
