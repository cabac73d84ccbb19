package org.jointappeal.pledge.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/** Resolves the record's class from its CloudEvents {@code ce_type} header. */
public class AppealEventDeserializer implements Deserializer<AppealEventV1> {

  /** The types carrying the appeal's full state, which keep pledge-service's copy. */
  private static final Map<String, Class<? extends AppealChangedV1>> STATEFUL =
      Map.of(
          AppealLaunchedV1.TYPE, AppealLaunchedV1.class,
          AppealRevisedV1.TYPE, AppealRevisedV1.class,
          AppealClosedV1.TYPE, AppealClosedV1.class);

  // v1 types only gain fields: ignore what this service does not know yet
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Override
  public AppealEventV1 deserialize(String topic, byte[] data) {
    throw new SerializationException(
        "appeal events are CloudEvents: the ce_type header is required");
  }

  @Override
  public AppealEventV1 deserialize(String topic, Headers headers, byte[] data) {
    Header typeHeader = headers.lastHeader("ce_type");
    if (typeHeader == null) {
      throw new SerializationException("no ce_type header");
    }
    if (data == null) {
      throw new SerializationException("no payload");
    }
    String type = new String(typeHeader.value(), StandardCharsets.UTF_8);
    try {
      Class<? extends AppealChangedV1> stateful = STATEFUL.get(type);
      if (stateful != null) {
        AppealChangedV1 changed = json.readValue(data, stateful);
        var appeal = changed.appeal();
        if (changed.appealCode() == null
            || appeal == null
            || !changed.appealCode().equals(appeal.code())
            || appeal.title() == null
            || appeal.status() == null) {
          throw new SerializationException(type + " lacks its appeal code, title or status");
        }
        if (appeal.requirementLines() != null
            && appeal.requirementLines().stream()
                .anyMatch(
                    l ->
                        l == null
                            || l.lineId() == null
                            || l.country() == null
                            || l.agency() == null
                            || l.sector() == null)) {
          throw new SerializationException(type + " has an incomplete requirement line");
        }
        return changed;
      }
      json.readTree(data); // even a type we skip must be JSON, or the record is poison
      return new AppealEventV1.NotOfInterest(type);
    } catch (JsonProcessingException e) {
      // the original message names the problem without echoing the payload
      throw new SerializationException(
          "payload of " + type + " is not readable: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SerializationException("payload of " + type + " is not readable");
    }
  }
}
