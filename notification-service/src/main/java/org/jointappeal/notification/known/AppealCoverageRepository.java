package org.jointappeal.notification.known;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AppealCoverageRepository implements PanacheRepositoryBase<AppealCoverage, String> {

  /**
   * The appeal's coverage, or every appeal's when {@code appealCode} is null (a rule that watches
   * all): locked in appeal order, so that two evaluations never wait on each other in a circle.
   */
  public List<AppealCoverage> lockWatched(String appealCode) {
    var found =
        appealCode == null
            ? find("order by appealCode")
            : find("appealCode = ?1 order by appealCode", appealCode);
    return found.withLock(LockModeType.PESSIMISTIC_WRITE).list();
  }

  public Optional<AppealCoverage> lock(String appealCode) {
    return findByIdOptional(appealCode, LockModeType.PESSIMISTIC_WRITE);
  }

  public AppealCoverage lockOrCreate(String appealCode) {
    return findByIdOptional(appealCode, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(
            () -> {
              var coverage = new AppealCoverage(appealCode);
              persist(coverage);
              return coverage;
            });
  }
}
