package org.jointappeal.notification.known;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class AppealProjectionRepository implements PanacheRepositoryBase<AppealProjection, String> {

  /**
   * The appeal's projection, or every appeal's when null: locked in appeal order, as coverages are.
   */
  public List<AppealProjection> lockWatched(String appealCode) {
    var found =
        appealCode == null
            ? find("order by appealCode")
            : find("appealCode = ?1 order by appealCode", appealCode);
    return found.withLock(LockModeType.PESSIMISTIC_WRITE).list();
  }

  /** A new one is not persisted yet. */
  public AppealProjection lockOrCreate(String appealCode) {
    return findByIdOptional(appealCode, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(() -> new AppealProjection(appealCode));
  }
}
