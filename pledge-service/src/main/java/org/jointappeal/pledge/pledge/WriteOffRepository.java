package org.jointappeal.pledge.pledge;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WriteOffRepository implements PanacheRepositoryBase<WriteOff, UUID> {

  /** The pledge's write-off (a pledge is written off once). */
  Optional<WriteOff> ofPledge(UUID pledgeId) {
    return find("pledgeId", pledgeId).firstResultOptional();
  }

  Optional<WriteOff> findOfPledge(UUID pledgeId, UUID writeOffId) {
    return find("id = ?1 and pledgeId = ?2", writeOffId, pledgeId).firstResultOptional();
  }
}
