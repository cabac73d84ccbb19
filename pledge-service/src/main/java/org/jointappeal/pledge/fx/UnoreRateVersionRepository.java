package org.jointappeal.pledge.fx;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UnoreRateVersionRepository implements PanacheRepositoryBase<UnoreRateVersion, UUID> {

  List<UnoreRateVersion> findOf(String currency, LocalDate effectiveFrom) {
    return list(
        "currency = ?1 and effectiveFrom = ?2", Sort.ascending("version"), currency, effectiveFrom);
  }

  /** Every version recorded at or before an instant, oldest first. */
  List<UnoreRateVersion> findKnownAt(Instant knownAt) {
    return list(
        "recordedAt <= ?1",
        Sort.ascending("currency").and("effectiveFrom").and("version"),
        knownAt);
  }
}
