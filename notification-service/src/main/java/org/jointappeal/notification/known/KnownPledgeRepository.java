package org.jointappeal.notification.known;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class KnownPledgeRepository implements PanacheRepositoryBase<KnownPledge, UUID> {

  /** A new one is not persisted yet: it has no state until its first event. */
  public KnownPledge lockOrCreate(UUID pledgeId) {
    return findByIdOptional(pledgeId, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(() -> new KnownPledge(pledgeId));
  }
}
