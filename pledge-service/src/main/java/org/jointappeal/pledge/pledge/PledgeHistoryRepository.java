package org.jointappeal.pledge.pledge;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PledgeHistoryRepository implements PanacheRepositoryBase<PledgeHistoryEntry, Long> {

  List<PledgeHistoryEntry> ofPledge(UUID pledgeId) {
    return list("pledgeId", Sort.ascending("id"), pledgeId);
  }
}
