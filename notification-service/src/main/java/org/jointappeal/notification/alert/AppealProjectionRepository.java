package org.jointappeal.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class AppealProjectionRepository implements PanacheRepositoryBase<AppealProjection, String> {

  /** Locked in appeal order, as coverages are. */
  List<AppealProjection> lockWatchedBy(AlertRule rule) {
    var found =
        rule.appealCode() == null
            ? find("order by appealCode")
            : find("appealCode = ?1 order by appealCode", rule.appealCode());
    return found.withLock(LockModeType.PESSIMISTIC_WRITE).list();
  }

  /** A new one is not persisted yet. */
  AppealProjection lockOrCreate(String appealCode) {
    return findByIdOptional(appealCode, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(() -> new AppealProjection(appealCode));
  }
}
