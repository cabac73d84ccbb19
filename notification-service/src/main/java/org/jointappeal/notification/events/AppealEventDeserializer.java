package org.jointappeal.notification.events;

import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.jointappeal.notification.messaging.CloudEventDeserializer;

/** Resolves the record's class from its CloudEvents {@code ce_type} header. */
public class AppealEventDeserializer extends CloudEventDeserializer<AppealEventV1> {

  public AppealEventDeserializer() {
    super("appeal events");
  }

  @Override
  protected AppealEventV1 read(String type, byte[] data) throws IOException {
    if (AppealChangedV1.TYPES.contains(type)) {
      var changed = json.readValue(data, AppealChangedV1.class);
      var appeal = changed.appeal();
      if (changed.appealCode() == null
          || appeal == null
          || !changed.appealCode().equals(appeal.code())
          || appeal.periodStart() == null
          || appeal.periodEnd() == null) {
        throw new SerializationException(type + " lacks its appeal code or period");
      }
      return changed;
    }
    requireJson(data);
    return new AppealEventV1.NotOfInterest(type);
  }
}
