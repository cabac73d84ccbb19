package org.jointappeal.pledge.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.pledge.money.Money;
import org.jointappeal.pledge.pledge.Instalment;
import org.jointappeal.pledge.pledge.Pledge;

/**
 * {@code org.jointappeal.pledge.instalment-overdue.v1}: an instalment of a committed pledge passed
 * its due date not fully paid and is now OVERDUE. Published once per instalment. It occurred on the
 * day the overdue check found it (the state carried is the pledge as of that day); the due date is
 * the instalment's {@code dueOn}.
 */
public record PledgeInstalmentOverdueV1(
    String appealCode,
    PledgeStateV1 pledge,
    PledgeStateV1.InstalmentV1 instalment,
    LocalDate occurredOn,
    Instant recordedAt)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.instalment-overdue.v1";

  public static PledgeInstalmentOverdueV1 of(
      Pledge pledge, Instalment instalment, LocalDate detectedOn, Instant recordedAt) {
    String currency = pledge.amount().currency();
    return new PledgeInstalmentOverdueV1(
        pledge.appealCode(),
        PledgeStateV1.of(pledge),
        new PledgeStateV1.InstalmentV1(
            instalment.number(),
            instalment.dueOn(),
            Money.of(instalment.amount(), currency),
            Money.of(instalment.paid(), currency),
            instalment.status().name()),
        detectedOn,
        recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
