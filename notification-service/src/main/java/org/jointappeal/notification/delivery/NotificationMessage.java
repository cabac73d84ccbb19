package org.jointappeal.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one notification says, Alertmanager webhook style: the group's state at the moment it was
 * decided. It is the webhook body as is, and the content of the mail.
 *
 * @param status {@code firing} while any alert in it fires, else {@code resolved}
 * @param groupKey the group, e.g. {@code appeal=CIS-1997}
 * @param repeat true when it only repeats alerts that still fire (repeat interval)
 */
public record NotificationMessage(
    String version,
    UUID deliveryId,
    UUID subscriptionId,
    String status,
    String groupKey,
    Map<String, String> groupLabels,
    boolean repeat,
    List<NotifiedAlert> alerts) {

  /** One alert as notified: its labels are its identity, the summary an annotation. */
  public record NotifiedAlert(
      UUID id,
      String status,
      Map<String, String> labels,
      Map<String, String> annotations,
      Instant startsAt,
      Instant endsAt,
      String url) {}

  public long firingCount() {
    return alerts.stream().filter(a -> a.status().equals("firing")).count();
  }
}
