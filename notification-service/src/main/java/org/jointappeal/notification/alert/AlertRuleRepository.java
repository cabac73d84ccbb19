package org.jointappeal.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jointappeal.notification.paging.Keyset;
import org.jointappeal.notification.paging.PageRequest;

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

  /** A page of the rules by name (unique): keyset in SQL. */
  List<AlertRule> pageByName(PageRequest page) {
    var byName = Sort.by("name");
    var query =
        page.after().isEmpty()
            ? findAll(byName)
            : find(
                Keyset.after("name"), byName, Parameters.with("k0", page.after().get().string(0)));
    return query.range(0, page.fetch() - 1).list(); // range is inclusive
  }

  boolean nameTaken(String name, UUID exceptId) {
    return count("name = ?1 and id <> ?2", name, exceptId) > 0;
  }
}
