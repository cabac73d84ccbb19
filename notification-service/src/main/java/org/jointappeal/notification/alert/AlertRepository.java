package org.jointappeal.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jointappeal.notification.DonorScope;
import org.jointappeal.notification.paging.PageRequest;

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

  /**
   * A page of alerts, newest first (then by id), filtered in SQL, the donor's too (its label in the
   * jsonb labels): nothing is loaded to be dropped in memory.
   */
  @SuppressWarnings("unchecked") // a native query typed by its entity class
  List<Alert> page(
      AlertStatus statusOrNull,
      String appealCodeOrNull,
      String ruleOrNull,
      Optional<String> donorOrNone,
      PageRequest page) {
    var sql = new StringBuilder("select * from alert where true");
    var params = new LinkedHashMap<String, Object>();
    if (statusOrNull != null) {
      sql.append(" and status = :status");
      params.put("status", statusOrNull.name());
    }
    if (appealCodeOrNull != null) {
      sql.append(" and appeal_code = :appeal");
      params.put("appeal", appealCodeOrNull);
    }
    if (ruleOrNull != null) {
      sql.append(" and rule = :rule");
      params.put("rule", ruleOrNull);
    }
    if (donorOrNone.isPresent()) {
      sql.append(" and labels ->> '" + DonorScope.DONOR_LABEL + "' = :donor");
      params.put("donor", donorOrNone.get());
    }
    if (page.after().isPresent()) {
      var after = page.after().get();
      sql.append(" and (starts_at < :k0 or (starts_at = :k0 and id > :k1))");
      params.put("k0", after.instant(0));
      params.put("k1", after.uuid(1));
    }
    sql.append(" order by starts_at desc, id limit :fetch");
    params.put("fetch", page.fetch());
    var query = getEntityManager().createNativeQuery(sql.toString(), Alert.class);
    params.forEach(query::setParameter);
    return query.getResultList();
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
