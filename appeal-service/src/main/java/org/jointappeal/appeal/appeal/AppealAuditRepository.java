package org.jointappeal.appeal.appeal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AppealAuditRepository implements PanacheRepositoryBase<AppealAudit, Long> {

  List<AppealAudit> findByAppealOldestFirst(String appealCode) {
    return list("appealCode", Sort.ascending("id"), appealCode);
  }
}
