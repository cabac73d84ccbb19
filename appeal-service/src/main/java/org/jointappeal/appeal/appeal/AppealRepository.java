package org.jointappeal.appeal.appeal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jointappeal.appeal.paging.PageRequest;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, String> {

  /** A page of appeals, newest period first, then by code: keyset in SQL. */
  List<Appeal> pageNewestFirst(PageRequest page) {
    var sort = Sort.descending("periodStart").and("code");
    if (page.after().isEmpty()) {
      return findAll(sort).range(0, page.limit()).list();
    }
    var after = page.after().get();
    return find(
            "periodStart < :k0 or (periodStart = :k0 and code > :k1)",
            sort,
            Parameters.with("k0", after.date(0)).and("k1", after.string(1)))
        .range(0, page.limit())
        .list();
  }

  List<Appeal> listNewestFirst() {
    return listAll(Sort.descending("periodStart").and("code"));
  }
}
