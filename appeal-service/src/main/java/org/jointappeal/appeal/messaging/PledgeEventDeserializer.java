package org.jointappeal.appeal.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/** Resolves the record's class from its CloudEvents {@code ce_type} header. */
public class PledgeEventDeserializer implements Deserializer<PledgeEventV1> {

  private static final java.util.regex.Pattern DONOR_CODE =
      java.util.regex.Pattern.compile("[A-Z]{3}");

  static final Set<String> PLEDGE_STATE_TYPES =
      Set.of(
          "org.jointappeal.pledge.announced.v1",
          "org.jointappeal.pledge.committed.v1",
          "org.jointappeal.pledge.cancelled.v1",
          "org.jointappeal.pledge.written-off.v1",
          "org.jointappeal.pledge.payment-allocated.v1",
          "org.jointappeal.pledge.payment-reversed.v1");

  // v1 types only gain fields: ignore what this service does not know yet
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private record Envelope(
      String appealCode,
      PledgeStateV1 pledge,
      java.time.LocalDate occurredOn,
      java.time.Instant recordedAt) {}

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

  private static boolean inUsd(org.jointappeal.appeal.money.Money money) {
    return money == null || money.isIn("USD");
  }

  /** The original-currency amounts, where sent, are in the pledge's currency. */
  private static boolean inCurrencyOf(
      PledgeStateV1 pledge, org.jointappeal.appeal.money.Money money) {
    return money == null || (pledge.amount() != null && money.isIn(pledge.amount().currency()));
  }

  @Override
  public PledgeEventV1 deserialize(String topic, byte[] data) {
    throw new SerializationException(
        "pledge events are CloudEvents: the ce_type header is required");
  }

  @Override
  public PledgeEventV1 deserialize(String topic, Headers headers, byte[] data) {
    Header typeHeader = headers.lastHeader("ce_type");
    if (typeHeader == null) {
      throw new SerializationException("no ce_type header");
    }
    if (data == null) {
      throw new SerializationException("no payload");
    }
    String type = new String(typeHeader.value(), StandardCharsets.UTF_8);
    try {
      if (carriesPledgeState(type, data)) {
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
      json.readTree(data); // even a type we skip must be JSON, or the record is poison
      return new PledgeEventV1.NotOfInterest(type);
    } catch (JsonProcessingException e) {
      // the original message names the problem without echoing the payload
      throw new SerializationException(
          "payload of " + type + " is not readable: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SerializationException("payload of " + type + " is not readable");
    } catch (RuntimeException e) {
      if (e instanceof SerializationException) {
        throw e;
      }
      // e.g. Money's own checks on a malformed amount
      throw new SerializationException(
          "payload of " + type + " violates the contract: " + e.getMessage());
    }
  }
}
