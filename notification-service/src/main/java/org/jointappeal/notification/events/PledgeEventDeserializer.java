package org.jointappeal.notification.events;

import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.jointappeal.notification.messaging.CloudEventDeserializer;

/** Resolves the record's class from its CloudEvents {@code ce_type} header. */
public class PledgeEventDeserializer extends CloudEventDeserializer<PledgeEventV1> {

  public PledgeEventDeserializer() {
    super("pledge events");
  }

  @Override
  protected PledgeEventV1 read(String type, byte[] data) throws IOException {
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
    if (ForecastProjectedV1.TYPE.equals(type)) {
      var projected = json.readValue(data, ForecastProjectedV1.class);
      if (!projected.complete()) {
        throw new SerializationException(type + " lacks a field its rules read");
      }
      return projected;
    }
    requireJson(data);
    return new PledgeEventV1.NotOfInterest(type);
  }
}
