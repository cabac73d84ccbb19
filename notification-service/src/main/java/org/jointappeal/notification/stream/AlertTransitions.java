package org.jointappeal.notification.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jointappeal.notification.alert.Alert;

/** Reads the alert_transition journal (written by a trigger on the alert table). */
@ApplicationScoped
class AlertTransitions {

  private static final int SLICE = 1000;

  private final EntityManager em;

  AlertTransitions(EntityManager em) {
    this.em = em;
  }

  /**
   * The sequence numbers recorded within the look-back window, by the database's clock, oldest
   * first: all a poll needs to tell what is new (a window may hold thousands of transitions while
   * alerts fire and resolve under load; re-reading their alerts every poll cost a query each).
   */
  @Transactional
  List<Long> recentSequences(Duration lookBack) {
    @SuppressWarnings("unchecked") // native query: a single column
    List<Number> rows =
        em.createNativeQuery(
                """
                select seq from alert_transition
                where recorded_at > clock_timestamp() - make_interval(secs => ?1)
                order by seq""")
            .setParameter(1, lookBack.toMillis() / 1000.0)
            .getResultList();
    return rows.stream().map(Number::longValue).toList();
  }

  /** The given transitions with their alerts' labels and text, in sequence order. */
  @Transactional
  List<AlertStreamEvent> events(List<Long> sequences) {
    List<Object[]> rows = new ArrayList<>();
    // in slices, so that a burst stays well within a statement's bind parameters
    for (int from = 0; from < sequences.size(); from += SLICE) {
      @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
      List<Object[]> slice =
          em.createNativeQuery(
                  "select seq, alert_id, transition from alert_transition where seq in (:seqs)"
                      + " order by seq")
              .setParameter(
                  "seqs", sequences.subList(from, Math.min(from + SLICE, sequences.size())))
              .getResultList();
      rows.addAll(slice);
    }
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
