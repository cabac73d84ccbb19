package org.jointappeal.pledge.messaging;

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

/**
 * What every incoming topic shares: the record's class comes from its CloudEvents {@code ce_type}
 * header, a record without one or without a payload is poison, and a failure names the problem
 * without echoing the payload. Subclasses read the types they act on.
 */
public abstract class CloudEventDeserializer<T> implements Deserializer<T> {

  // v1 types only gain fields: ignore what this service does not know yet
  protected final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final String events;

  /** {@code events} names the topic's events in messages, e.g. "pledge events". */
  protected CloudEventDeserializer(String events) {
    this.events = events;
  }

  /** The event of a known type, or the topic's not-of-interest value for a type it skips. */
  protected abstract T read(String type, byte[] data) throws IOException;

  /** A type this service skips must still be JSON, or the record is poison. */
  protected final void requireJson(byte[] data) throws IOException {
    json.readTree(data);
  }

  @Override
  public final T deserialize(String topic, byte[] data) {
    throw new SerializationException(events + " are CloudEvents: the ce_type header is required");
  }

  @Override
  public final T deserialize(String topic, Headers headers, byte[] data) {
    Header typeHeader = headers.lastHeader("ce_type");
    if (typeHeader == null) {
      throw new SerializationException("no ce_type header");
    }
    if (data == null) {
      throw new SerializationException("no payload");
    }
    String type = new String(typeHeader.value(), StandardCharsets.UTF_8);
    try {
      return read(type, data);
    } catch (SerializationException e) {
      throw e; // a subclass's own check, already named
    } catch (JsonProcessingException e) {
      // the original message names the problem without echoing the payload
      throw new SerializationException(
          "payload of " + type + " is not readable: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SerializationException("payload of " + type + " is not readable");
    } catch (RuntimeException e) {
      // e.g. an unknown currency code or too many decimals in a money object
      throw new SerializationException("payload of " + type + " violates the contract");
    }
  }
}
