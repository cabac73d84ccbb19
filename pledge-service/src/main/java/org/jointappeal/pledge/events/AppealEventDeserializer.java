package org.jointappeal.pledge.events;

import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.jointappeal.pledge.messaging.CloudEventDeserializer;

/** Reads the appeal events that keep pledge-service's copy of an appeal; skips the others. */
public class AppealEventDeserializer extends CloudEventDeserializer<AppealEventV1> {

  /** The types carrying the appeal's full state, which keep pledge-service's copy. */
  private static final Map<String, Class<? extends AppealChangedV1>> STATEFUL =
      Map.of(
          AppealLaunchedV1.TYPE, AppealLaunchedV1.class,
          AppealRevisedV1.TYPE, AppealRevisedV1.class,
          AppealClosedV1.TYPE, AppealClosedV1.class);

  public AppealEventDeserializer() {
    super("appeal events");
  }

  @Override
  protected AppealEventV1 read(String type, byte[] data) throws IOException {
    Class<? extends AppealChangedV1> stateful = STATEFUL.get(type);
    if (stateful == null) {
      requireJson(data);
      return new AppealEventV1.NotOfInterest(type);
    }
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
}
