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
}
