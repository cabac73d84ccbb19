package org.jointappeal.pledge.fx;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jointappeal.pledge.paging.Keyset;
import org.jointappeal.pledge.paging.PageRequest;

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

  /**
   * A page of the table (each rate's current version) by currency and effective date: one currency
   * or all; with {@code asOf}, per currency only the rate in force then (the latest effective on or
   * before it, and no earlier than {@code earliest}).
   */
  List<UnoreRate> pageOfTable(
      String currencyOrNull, LocalDate asOfOrNull, LocalDate earliest, PageRequest page) {
    var query = new StringBuilder("from UnoreRate r where 1 = 1");
    var params = new Parameters();
    if (currencyOrNull != null) {
      query.append(" and r.currency = :currency");
      params = params.and("currency", currencyOrNull);
    }
    if (asOfOrNull != null) {
      query.append(
          " and r.effectiveFrom = (select max(r2.effectiveFrom) from UnoreRate r2"
              + " where r2.currency = r.currency and r2.effectiveFrom <= :asOf)"
              + " and r.effectiveFrom >= :earliest");
      params = params.and("asOf", asOfOrNull).and("earliest", earliest);
    }
    if (page.after().isPresent()) {
      var after = page.after().get();
      query.append(" and ").append(Keyset.after("r.currency", "r.effectiveFrom"));
      params = params.and("k0", after.string(0, RateRules.CURRENCY)).and("k1", after.date(1));
    }
    query.append(" order by r.currency, r.effectiveFrom");
    return find(query.toString(), params).range(0, page.limit()).list();
  }
}
