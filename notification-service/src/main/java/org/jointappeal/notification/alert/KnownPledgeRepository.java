package org.jointappeal.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class KnownPledgeRepository implements PanacheRepositoryBase<KnownPledge, UUID> {

  /** A new one is not persisted yet: it has no state until its first event. */
  KnownPledge lockOrCreate(UUID pledgeId) {
    return findByIdOptional(pledgeId, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(() -> new KnownPledge(pledgeId));
  }

  /** Locked in id order, so that two evaluations never wait on each other in a circle. */
  List<KnownPledge> lockWatchedBy(AlertRule rule) {
    var found =
        rule.appealCode() == null
            ? find("order by pledgeId")
            : find("appealCode = ?1 order by pledgeId", rule.appealCode());
    return found.withLock(LockModeType.PESSIMISTIC_WRITE).list();
  }
}
