package org.jointappeal.notification.known;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class KnownAppealRepository implements PanacheRepositoryBase<KnownAppeal, String> {

  /** A new one is not persisted yet: it has no period until its first state. */
  public KnownAppeal lockOrCreate(String appealCode) {
    return findByIdOptional(appealCode, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(() -> new KnownAppeal(appealCode));
  }
}
