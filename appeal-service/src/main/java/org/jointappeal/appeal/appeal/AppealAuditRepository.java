package org.jointappeal.appeal.appeal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jointappeal.appeal.paging.Keyset;
import org.jointappeal.appeal.paging.PageRequest;

@ApplicationScoped
public class AppealAuditRepository implements PanacheRepositoryBase<AppealAudit, Long> {

  /** A page of an appeal's changes, oldest first (by id, the order they were written). */
  List<AppealAudit> pageOldestFirst(String appealCode, PageRequest page) {
    var parameters = Parameters.with("code", appealCode);
    String query = "appealCode = :code";
    if (page.after().isPresent()) {
      query += " and " + Keyset.after("id");
      parameters.and("k0", page.after().get().number(0));
    }
    return find(query, Sort.ascending("id"), parameters)
        .range(0, page.fetch() - 1) // inclusive
        .list();
  }
}
