package org.jointappeal.pledge.pledge;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jointappeal.pledge.paging.Keyset;
import org.jointappeal.pledge.paging.PageRequest;

@ApplicationScoped
public class PledgeHistoryRepository implements PanacheRepositoryBase<PledgeHistoryEntry, Long> {

  /** A page of one pledge's changes in the order they were made (the identity column's). */
  List<PledgeHistoryEntry> pageOf(UUID pledgeId, PageRequest page) {
    var query = new StringBuilder("pledgeId = :pledge");
    var params = Parameters.with("pledge", pledgeId);
    if (page.after().isPresent()) {
      query.append(" and ").append(Keyset.after("id"));
      params = params.and("k0", page.after().get().number(0));
    }
    return find(query.toString(), Sort.ascending("id"), params).range(0, page.limit()).list();
  }
}
