package org.jointappeal.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/** Resolves the record's class from its CloudEvents {@code ce_type} header. */
public class PledgeEventDeserializer implements Deserializer<PledgeEventV1> {

  // v1 types only gain fields: ignore what this service does not know yet
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

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
      if (PledgeChangedV1.TYPES.contains(type)) {
        var changed = json.readValue(data, PledgeChangedV1.class);
        var pledge = changed.pledge();
        if (pledge == null
            || pledge.pledgeId() == null
            || pledge.appealCode() == null
            || pledge.donorCode() == null
            || pledge.status() == null
            || pledge.usdValue() == null
            || pledge.instalments() == null
            || pledge.instalments().stream()
                .anyMatch(i -> i == null || i.dueOn() == null || i.amount() == null)
            || changed.recordedAt() == null) {
          throw new SerializationException(type + " lacks its pledge state or recordedAt");
        }
        return changed;
      }
      if (ReceiptChangedV1.TYPES.contains(type)) {
        var changed = json.readValue(data, ReceiptChangedV1.class);
        var receipt = changed.receipt();
        if (receipt == null
            || receipt.receiptId() == null
            || receipt.donorCode() == null
            || receipt.valueDate() == null
            || receipt.unallocated() == null
            || receipt.status() == null) {
          throw new SerializationException(type + " lacks its receipt state");
        }
        return changed;
      }
      json.readTree(data); // even a type we skip must be JSON, or the record is poison
      return new PledgeEventV1.NotOfInterest(type);
    } catch (JsonProcessingException e) {
      // the original message names the problem without echoing the payload
      throw new SerializationException(
          "payload of " + type + " is not readable: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      // e.g. an unknown currency code in a money object
      throw new SerializationException("payload of " + type + " is not valid");
    } catch (IOException e) {
      throw new SerializationException("payload of " + type + " is not readable");
    }
  }
}
