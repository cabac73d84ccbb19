package org.jointappeal.pledge.fx;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UnoreRateRepository implements PanacheRepositoryBase<UnoreRate, UUID> {

  /** The rate in force on a date: the latest one effective on or before it. */
  Optional<UnoreRate> findInForce(String currency, LocalDate on) {
    return find(
            "currency = ?1 and effectiveFrom <= ?2", Sort.descending("effectiveFrom"), currency, on)
        .firstResultOptional();
  }

  Optional<UnoreRate> findExact(String currency, LocalDate effectiveFrom) {
    return find("currency = ?1 and effectiveFrom = ?2", currency, effectiveFrom)
        .firstResultOptional();
  }

  List<UnoreRate> findByCurrency(String currency) {
    return list("currency", Sort.ascending("effectiveFrom"), currency);
  }

  List<UnoreRate> findAllOrdered() {
    return listAll(Sort.ascending("currency").and("effectiveFrom"));
  }
}
