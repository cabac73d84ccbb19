package org.jointappeal.pledge.pledge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.pledge.events.PledgeAnnouncedV1;
import org.jointappeal.pledge.events.PledgeCancelledV1;
import org.jointappeal.pledge.events.PledgeCommittedV1;
import org.jointappeal.pledge.events.PledgeInstalmentOverdueV1;
import org.jointappeal.pledge.events.PledgePaymentAllocatedV1;
import org.jointappeal.pledge.events.PledgePaymentReversedV1;
import org.jointappeal.pledge.events.PledgeRevaluedV1;
import org.jointappeal.pledge.events.PledgeStateV1;
import org.jointappeal.pledge.events.PledgeWrittenOffV1;
import org.jointappeal.pledge.money.Money;

/**
 * The pledge events (docs/events.md), built from the pledge as it now stands: the event records in
 * {@code events} know nothing of the entity.
 */
public final class PledgeEvents {

  private PledgeEvents() {}

  public static PledgeAnnouncedV1 announced(Pledge pledge, Instant recordedAt) {
    return new PledgeAnnouncedV1(
        pledge.appealCode(), state(pledge), pledge.announcedOn(), recordedAt);
  }

  public static PledgeCancelledV1 cancelled(Pledge pledge, Instant recordedAt) {
    return new PledgeCancelledV1(
        pledge.appealCode(), state(pledge), pledge.cancelledOn(), recordedAt);
  }

  public static PledgeCommittedV1 committed(Pledge pledge, Instant recordedAt) {
    return new PledgeCommittedV1(
        pledge.appealCode(), state(pledge), pledge.committedOn(), recordedAt);
  }

  public static PledgeInstalmentOverdueV1 instalmentOverdue(
      Pledge pledge, Instalment instalment, LocalDate detectedOn, Instant recordedAt) {
    String currency = pledge.amount().currency();
    return new PledgeInstalmentOverdueV1(
        pledge.appealCode(),
        state(pledge),
        new PledgeStateV1.InstalmentV1(
            instalment.number(),
            instalment.dueOn(),
            Money.of(instalment.amount(), currency),
            Money.of(instalment.paid(), currency),
            instalment.status().name()),
        detectedOn,
        recordedAt);
  }

  public static PledgePaymentAllocatedV1 paymentAllocated(
      Pledge pledge, LocalDate valueDate, Instant recordedAt) {
    return new PledgePaymentAllocatedV1(pledge.appealCode(), state(pledge), valueDate, recordedAt);
  }

  public static PledgePaymentReversedV1 paymentReversed(
      Pledge pledge, LocalDate reversedOn, Instant recordedAt) {
    return new PledgePaymentReversedV1(pledge.appealCode(), state(pledge), reversedOn, recordedAt);
  }

  public static PledgeRevaluedV1 revalued(
      Pledge pledge,
      Money previousUsdValue,
      BigDecimal previousUnitsPerUsd,
      LocalDate revaluedOn,
      String reason,
      Instant recordedAt) {
    return new PledgeRevaluedV1(
        pledge.appealCode(),
        state(pledge),
        revaluedOn,
        recordedAt,
        previousUsdValue,
        previousUnitsPerUsd.stripTrailingZeros(),
        reason);
  }

  public static PledgeWrittenOffV1 writtenOff(Pledge pledge, Instant recordedAt) {
    return new PledgeWrittenOffV1(
        pledge.appealCode(), state(pledge), pledge.writtenOffOn(), recordedAt);
  }

  /** The pledge's full state, as every pledge event carries it. */
  public static PledgeStateV1 state(Pledge p) {
    var e = p.earmarking();
    String currency = p.amount().currency();
    return new PledgeStateV1(
        p.id(),
        p.appealCode(),
        p.donorCode().value(),
        p.amount(),
        p.valuation().usd(),
        p.valuation().unitsPerUsd().stripTrailingZeros(),
        p.valuation().rateEffectiveFrom(),
        p.announcedOn(),
        p.occasion(),
        p.status().name(),
        p.agreementReference(),
        p.committedOn(),
        new PledgeStateV1.EarmarkingV1(
            e.level().name(), e.agency(), e.country(), e.sector(), e.requirementLineId()),
        p.paid(),
        p.outstanding(),
        p.writtenOff(),
        p.paidUsd(),
        p.outstandingUsd(),
        p.writtenOffUsd(),
        p.instalments().stream()
            .map(
                i ->
                    new PledgeStateV1.InstalmentV1(
                        i.number(),
                        i.dueOn(),
                        Money.of(i.amount(), currency),
                        Money.of(i.paid(), currency),
                        i.status().name()))
            .toList(),
        p.version());
  }
}
