package org.jointappeal.notification.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jointappeal.notification.alert.Alert;

/** Reads the alert_transition journal (written by a trigger on the alert table). */
@ApplicationScoped
class AlertTransitions {

  private final EntityManager em;

  AlertTransitions(EntityManager em) {
    this.em = em;
  }

  /** Transitions recorded within the look-back window, by the database's clock, oldest first. */
  @Transactional
  List<AlertStreamEvent> recent(Duration lookBack) {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select seq, alert_id, transition from alert_transition
                where recorded_at > clock_timestamp() - make_interval(secs => ?1)
                order by seq""")
            .setParameter(1, lookBack.toMillis() / 1000.0)
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              UUID alertId = (UUID) r[1];
              Alert alert = em.find(Alert.class, alertId);
              Map<String, String> labels = alert == null ? Map.of() : alert.labels();
              return new AlertStreamEvent(
                  ((Number) r[0]).longValue(),
                  alertId,
                  (String) r[2],
                  labels,
                  alert == null ? null : alert.summary(),
                  alert == null ? null : alert.startsAt(),
                  alert == null ? null : alert.endsAt());
            })
        .toList();
  }
}
