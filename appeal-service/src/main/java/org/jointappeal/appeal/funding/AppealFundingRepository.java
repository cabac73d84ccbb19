package org.jointappeal.appeal.funding;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class AppealFundingRepository implements PanacheRepositoryBase<AppealFunding, String> {

  /** Locked, so that two consumers' changes to one appeal get distinct versions in commit order. */
  AppealFunding lockOrCreate(String appealCode) {
    return findByIdOptional(appealCode, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(
            () -> {
              var funding = new AppealFunding(appealCode);
              persist(funding);
              return funding;
            });
  }
}
