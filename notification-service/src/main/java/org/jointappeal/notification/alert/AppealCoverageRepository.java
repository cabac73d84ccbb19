package org.jointappeal.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class AppealCoverageRepository implements PanacheRepositoryBase<AppealCoverage, String> {

  AppealCoverage lockOrCreate(String appealCode) {
    return findByIdOptional(appealCode, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(
            () -> {
              var coverage = new AppealCoverage(appealCode);
              persist(coverage);
              return coverage;
            });
  }
}
