package org.jointappeal.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

  Optional<Alert> findFiring(String fingerprint) {
    return find("fingerprint = ?1 and status = ?2", fingerprint, AlertStatus.FIRING)
        .firstResultOptional();
  }

  List<Alert> firingOf(UUID ruleId) {
    return list("ruleId = ?1 and status = ?2", ruleId, AlertStatus.FIRING);
  }

  List<Alert> firingOf(UUID ruleId, String subject) {
    return list(
        "ruleId = ?1 and subject = ?2 and status = ?3", ruleId, subject, AlertStatus.FIRING);
  }

  List<Alert> search(AlertStatus statusOrNull, String appealCodeOrNull, String ruleOrNull) {
    var query = new StringBuilder("1 = 1");
    var params = new Parameters();
    if (statusOrNull != null) {
      query.append(" and status = :status");
      params = params.and("status", statusOrNull);
    }
    if (appealCodeOrNull != null) {
      query.append(" and appealCode = :appeal");
      params = params.and("appeal", appealCodeOrNull);
    }
    if (ruleOrNull != null) {
      query.append(" and rule = :rule");
      params = params.and("rule", ruleOrNull);
    }
    return list(query.toString(), Sort.descending("startsAt").and("id"), params);
  }

  /**
   * Firing alerts per rule, zero for a rule with none (so its series does not vanish), and a rule
   * deleted while its alerts still fire counted too.
   */
  List<FiringCount> firingPerRule() {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                """
                select coalesce(r.name, a.rule), coalesce(r.kind, a.kind), count(a.id)
                from alert_rule r
                full join (select id, rule, kind from alert where status = 'FIRING') a
                  on a.rule = r.name
                group by 1, 2""")
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new FiringCount(
                    (String) row[0],
                    RuleKind.valueOf((String) row[1]),
                    ((Number) row[2]).longValue()))
        .toList();
  }
}
