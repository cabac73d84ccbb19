package org.jointappeal.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AlertRuleRepository implements PanacheRepositoryBase<AlertRule, UUID> {

  List<AlertRule> watching(String appealCode) {
    return list("appealCode is null or appealCode = ?1", Sort.by("name"), appealCode);
  }

  List<AlertRule> ofKind(RuleKind kind) {
    return list("kind", Sort.by("name"), kind);
  }

  List<AlertRule> all() {
    return listAll(Sort.by("name"));
  }

  boolean nameTaken(String name, UUID exceptId) {
    return count("name = ?1 and id <> ?2", name, exceptId) > 0;
  }
}
