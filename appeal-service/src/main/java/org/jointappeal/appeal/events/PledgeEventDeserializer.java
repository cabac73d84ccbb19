package org.jointappeal.appeal.events;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.errors.SerializationException;
import org.jointappeal.appeal.messaging.CloudEventDeserializer;
import org.jointappeal.appeal.money.Money;

/** Reads the pledge events that carry a pledge's full state; skips the others. */
public class PledgeEventDeserializer extends CloudEventDeserializer<PledgeEventV1> {

  private static final Pattern DONOR_CODE = Pattern.compile("[A-Z]{3}");

  static final Set<String> PLEDGE_STATE_TYPES =
      Set.of(
          "org.jointappeal.pledge.announced.v1",
          "org.jointappeal.pledge.committed.v1",
          "org.jointappeal.pledge.cancelled.v1",
          "org.jointappeal.pledge.written-off.v1",
          "org.jointappeal.pledge.payment-allocated.v1",
          "org.jointappeal.pledge.payment-reversed.v1");

  private record Envelope(
      String appealCode, PledgeStateV1 pledge, LocalDate occurredOn, Instant recordedAt) {}

  public PledgeEventDeserializer() {
    super("pledge events");
  }

  @Override
  protected PledgeEventV1 read(String type, byte[] data) throws IOException {
    if (!carriesPledgeState(type, data)) {
      requireJson(data);
      return new PledgeEventV1.NotOfInterest(type);
    }
    var envelope = json.readValue(data, Envelope.class);
    var pledge = envelope.pledge();
    if (envelope.appealCode() == null
        || envelope.occurredOn() == null
        || pledge == null
        || pledge.pledgeId() == null
        || pledge.status() == null
        || pledge.usdValue() == null
        || !pledge.usdValue().isIn("USD")
        || !inUsd(pledge.paidUsd())
        || !inUsd(pledge.outstandingUsd())
        || !inUsd(pledge.writtenOffUsd())
        || !inCurrencyOf(pledge, pledge.paid())
        || !inCurrencyOf(pledge, pledge.outstanding())
        || !inCurrencyOf(pledge, pledge.writtenOff())
        || (pledge.outstanding() != null
            && (pledge.amount() == null
                || pledge.unitsPerUsd() == null
                || pledge.unitsPerUsd().signum() <= 0
                || pledge.announcedOn() == null))
        || pledge.donorCode() == null
        || !DONOR_CODE.matcher(pledge.donorCode()).matches()
        || !envelope.appealCode().equals(pledge.appealCode())) {
      throw new SerializationException(
          type + " lacks its appeal code, business date or a valid pledge state");
    }
    return new PledgeEventV1.PledgeChanged(
        type, envelope.appealCode(), pledge, envelope.occurredOn(), envelope.recordedAt());
  }

  /**
   * The known state-carrying types, and any later {@code pledge.*.v1} type whose payload has a
   * {@code pledge} object: v1 only gains types that carry the pledge's full state.
   */
  private boolean carriesPledgeState(String type, byte[] data) throws IOException {
    if (PLEDGE_STATE_TYPES.contains(type)) {
      return true;
    }
    if (!type.startsWith("org.jointappeal.pledge.") || !type.endsWith(".v1")) {
      return false;
    }
    return json.readTree(data).path("pledge").isObject();
  }

  private static boolean inUsd(Money money) {
    return money == null || money.isIn("USD");
  }

  /** The original-currency amounts, where sent, are in the pledge's currency. */
  private static boolean inCurrencyOf(PledgeStateV1 pledge, Money money) {
    return money == null || (pledge.amount() != null && money.isIn(pledge.amount().currency()));
  }
}
