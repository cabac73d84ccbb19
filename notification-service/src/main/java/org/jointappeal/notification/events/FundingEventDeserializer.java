package org.jointappeal.notification.events;

import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.jointappeal.notification.messaging.CloudEventDeserializer;

/** Resolves the record's class from its CloudEvents {@code ce_type} header. */
public class FundingEventDeserializer extends CloudEventDeserializer<FundingEventV1> {

  public FundingEventDeserializer() {
    super("funding events");
  }

  @Override
  protected FundingEventV1 read(String type, byte[] data) throws IOException {
    if (FundingChangedV1.TYPE.equals(type)) {
      var changed = json.readValue(data, FundingChangedV1.class);
      if (changed.appealCode() == null || changed.funding() == null || changed.version() < 1) {
        throw new SerializationException(type + " lacks its appeal code, version or figures");
      }
      return changed;
    }
    requireJson(data);
    return new FundingEventV1.NotOfInterest(type);
  }
}
