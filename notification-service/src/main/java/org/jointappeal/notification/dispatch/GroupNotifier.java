package org.jointappeal.notification.dispatch;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jointappeal.notification.alert.Alert;
import org.jointappeal.notification.alert.AlertRepository;
import org.jointappeal.notification.alert.AlertStatus;
import org.jointappeal.notification.delivery.Deliveries;
import org.jointappeal.notification.delivery.DeliveryConfig;
import org.jointappeal.notification.delivery.NotificationMessage;
import org.jointappeal.notification.delivery.NotificationMessage.NotifiedAlert;
import org.jointappeal.notification.silence.ActiveSilences;
import org.jointappeal.notification.silence.SilenceService;
import org.jointappeal.notification.subscription.Subscription;
import org.jointappeal.notification.subscription.SubscriptionRepository;

/**
 * Decides, for one subscription and one alert group, whether a notification is due now, and if so
 * writes it (delivery + notification log) in the same transaction. The group's row is locked first,
 * so two instances never decide for the same group at once.
 */
@ApplicationScoped
class GroupNotifier {

  /** One subscription's group that may have something to notify. */
  record Candidate(UUID subscriptionId, String groupKey) {}

  private final AlertRepository alerts;
  private final SubscriptionRepository subscriptions;
  private final SilenceService silences;
  private final Inhibition inhibition;
  private final NotificationLog log;
  private final Deliveries deliveries;
  private final DispatchConfig timing;
  private final DeliveryConfig delivery;

  GroupNotifier(
      AlertRepository alerts,
      SubscriptionRepository subscriptions,
      SilenceService silences,
      Inhibition inhibition,
      NotificationLog log,
      Deliveries deliveries,
      DispatchConfig timing,
      DeliveryConfig delivery) {
    this.alerts = alerts;
    this.subscriptions = subscriptions;
    this.silences = silences;
    this.inhibition = inhibition;
    this.log = log;
    this.deliveries = deliveries;
    this.timing = timing;
    this.delivery = delivery;
  }

  /** Every group with a firing alert a subscription matches, or a resolution still to notify. */
  @Transactional
  List<Candidate> candidates() {
    Set<Candidate> candidates = new LinkedHashSet<>();
    List<Alert> firing = alerts.list("status", AlertStatus.FIRING);
    for (Subscription subscription : subscriptions.listAll()) {
      for (Alert alert : firing) {
        if (subscription.matches(alert.labels())) {
          candidates.add(new Candidate(subscription.id(), GroupKey.of(alert).value()));
        }
      }
    }
    for (Object[] row : log.groupsAwaitingResolvedNotice()) {
      candidates.add(new Candidate((UUID) row[0], (String) row[1]));
    }
    return List.copyOf(candidates);
  }

  /** Returns true when a notification was written. */
  @Transactional
  boolean notifyIfDue(Candidate candidate, Instant now) {
    var state = log.lock(candidate.subscriptionId(), candidate.groupKey());
    if (state.isEmpty()) {
      return false; // another dispatcher is deciding for this group right now
    }
    Subscription subscription = subscriptions.findById(candidate.subscriptionId());
    if (subscription == null) {
      return false;
    }
    GroupKey group = GroupKey.parse(candidate.groupKey());
    List<Alert> firing = alerts.list("status", AlertStatus.FIRING);
    List<Map<String, String>> firingLabels = firing.stream().map(Alert::labels).toList();
    ActiveSilences silenced = silences.activeAt(now);
    List<Alert> notifiable =
        firing.stream()
            .filter(a -> GroupKey.of(a).equals(group) && subscription.matches(a.labels()))
            .filter(a -> !silenced.mutes(true, a.labels()))
            .filter(a -> !inhibition.inhibits(firingLabels, a.labels()))
            .sorted(Comparator.comparing(Alert::startsAt).thenComparing(Alert::fingerprint))
            .toList();
    Map<UUID, Integer> open = log.openFiring(subscription.id(), candidate.groupKey());
    List<Alert> newlyFiring = notifiable.stream().filter(a -> !open.containsKey(a.id())).toList();
    List<Alert> newlyResolved =
        open.keySet().stream()
            .map(alerts::findById)
            .filter(a -> a != null && a.status() == AlertStatus.RESOLVED)
            .sorted(Comparator.comparing(Alert::startsAt).thenComparing(Alert::fingerprint))
            .toList();
    boolean changed = !newlyFiring.isEmpty() || !newlyResolved.isEmpty();
    Instant last = state.get().lastNotifiedAt();

    boolean repeat = false;
    if (last == null) {
      if (!changed) {
        return false;
      }
      // a new group waits, so that alerts raised together are notified together
      Instant since =
          newlyFiring.stream().map(Alert::startsAt).min(Comparator.naturalOrder()).orElse(now);
      if (now.isBefore(since.plus(timing.groupWait()))) {
        return false;
      }
    } else if (changed) {
      if (now.isBefore(last.plus(timing.groupInterval()))) {
        return false;
      }
    } else if (!notifiable.isEmpty() && !now.isBefore(last.plus(timing.repeatInterval()))) {
      repeat = true;
    } else {
      return false;
    }

    UUID deliveryId = UUID.randomUUID();
    List<NotifiedAlert> content = new ArrayList<>();
    notifiable.forEach(a -> content.add(notified(a, "firing")));
    newlyResolved.forEach(a -> content.add(notified(a, "resolved")));
    var message =
        new NotificationMessage(
            "1",
            deliveryId,
            subscription.id(),
            notifiable.isEmpty() ? "resolved" : "firing",
            group.value(),
            Map.of("appeal", group.appealCode()),
            repeat,
            content);
    deliveries.enqueue(subscription, message, now);

    List<Alert> firingTransitions = repeat ? notifiable : newlyFiring;
    for (Alert alert : firingTransitions) {
      int sequence = repeat ? open.getOrDefault(alert.id(), -1) + 1 : 0;
      logOnce(subscription, alert, NotificationLog.FIRING, sequence, deliveryId, now);
    }
    for (Alert alert : newlyResolved) {
      logOnce(subscription, alert, NotificationLog.RESOLVED, 0, deliveryId, now);
    }
    int stillOpen = open.size() + newlyFiring.size() - newlyResolved.size();
    // a group with nothing notified left open is over: the next alert starts a new one
    log.groupNotified(subscription.id(), candidate.groupKey(), stillOpen == 0 ? null : now);
    Log.infof(
        "notification decided deliveryId=%s subscriptionId=%s group=%s firing=%d resolved=%d repeat=%s",
        deliveryId,
        subscription.id(),
        group.value(),
        notifiable.size(),
        newlyResolved.size(),
        repeat);
    return true;
  }

  private void logOnce(
      Subscription subscription,
      Alert alert,
      String transition,
      int sequence,
      UUID deliveryId,
      Instant now) {
    if (!log.record(subscription.id(), alert.id(), transition, sequence, deliveryId, now)) {
      // cannot happen while the group row is locked; if it does, nothing may go out twice
      throw new IllegalStateException(
          "alert %s %s #%d already notified to subscription %s"
              .formatted(alert.id(), transition, sequence, subscription.id()));
    }
  }

  private NotifiedAlert notified(Alert alert, String status) {
    return new NotifiedAlert(
        alert.id(),
        status,
        alert.labels(),
        Map.of("summary", alert.summary()),
        alert.startsAt(),
        alert.endsAt(),
        delivery.alertBaseUrl() + "/alerts/" + alert.id());
  }
}
