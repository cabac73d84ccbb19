package org.jointappeal.pledge.known;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class KnownAppealRepository implements PanacheRepositoryBase<KnownAppeal, String> {

  /**
   * The appeal to read only (a pledge's checks): loaded read-only, so the session keeps no snapshot
   * of it and never dirty-checks it. Only the consumer of appeal events changes appeals.
   */
  Optional<KnownAppeal> findToRead(String code) {
    return Optional.ofNullable(
        getEntityManager()
            .find(KnownAppeal.class, code, Map.of(HibernateHints.HINT_READ_ONLY, true)));
  }
}
