package org.jointappeal.notification;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads what notification-service published on {@code alert-events}. */
public final class AlertEvents {

  public static final String TOPIC = "alert-events";
  public static final String FIRING = "org.jointappeal.alert.firing.v1";
  public static final String RESOLVED = "org.jointappeal.alert.resolved.v1";

  private AlertEvents() {}

  /** Waits for the record of this type about this alert; returns every record read up to it. */
  public static List<ConsumerRecord<String, String>> readUntil(String type, String alertId) {
    return KafkaTestClient.readUntil(
        TOPIC,
        r -> type.equals(KafkaTestClient.header(r, "ce_type")) && isAbout(r, alertId),
        Duration.ofSeconds(20));
  }

  /** The last record read: the one waited for. */
  public static ConsumerRecord<String, String> published(String type, String alertId) {
    var records = readUntil(type, alertId);
    return records.get(records.size() - 1);
  }

  public static boolean isAbout(ConsumerRecord<String, String> record, String alertId) {
    return alertId.equals(KafkaTestClient.header(record, "ce_subject"));
  }
}
