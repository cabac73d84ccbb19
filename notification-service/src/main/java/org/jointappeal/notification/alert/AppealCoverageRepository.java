package org.jointappeal.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AppealCoverageRepository implements PanacheRepositoryBase<AppealCoverage, String> {

  /** Locked in appeal order, so that two evaluations never wait on each other in a circle. */
  List<AppealCoverage> lockWatchedBy(AlertRule rule) {
    var found =
        rule.appealCode() == null
            ? find("order by appealCode")
            : find("appealCode = ?1 order by appealCode", rule.appealCode());
    return found.withLock(LockModeType.PESSIMISTIC_WRITE).list();
  }

  Optional<AppealCoverage> lock(String appealCode) {
    return findByIdOptional(appealCode, LockModeType.PESSIMISTIC_WRITE);
  }

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
