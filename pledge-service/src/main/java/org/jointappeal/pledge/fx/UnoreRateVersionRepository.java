package org.jointappeal.pledge.fx;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.pledge.paging.Keyset;
import org.jointappeal.pledge.paging.PageRequest;

@ApplicationScoped
public class UnoreRateVersionRepository implements PanacheRepositoryBase<UnoreRateVersion, UUID> {

  /** A page of one rate's versions, the first recording first. */
  List<UnoreRateVersion> pageOf(String currency, LocalDate effectiveFrom, PageRequest page) {
    var query = new StringBuilder("currency = :currency and effectiveFrom = :from");
    var params = Parameters.with("currency", currency).and("from", effectiveFrom);
    if (page.after().isPresent()) {
      query.append(" and ").append(Keyset.after("version"));
      params = params.and("k0", page.after().get().integer(0));
    }
    return find(query.toString(), Sort.ascending("version"), params).range(0, page.limit()).list();
  }

  /**
   * A page of the table as known at an instant: per currency and effective date the latest version
   * recorded by then, by currency and effective date; one currency or all; with {@code asOf}, per
   * currency only the rate in force then as known at that instant (the latest effective on or
   * before it, and no earlier than {@code earliest}).
   */
  List<UnoreRateVersion> pageKnownAt(
      Instant knownAt,
      String currencyOrNull,
      LocalDate asOfOrNull,
      LocalDate earliest,
      PageRequest page) {
    var query =
        new StringBuilder(
            "from UnoreRateVersion v where v.recordedAt <= :knownAt"
                + " and v.version = (select max(v2.version) from UnoreRateVersion v2"
                + " where v2.currency = v.currency and v2.effectiveFrom = v.effectiveFrom"
                + " and v2.recordedAt <= :knownAt)");
    var params = Parameters.with("knownAt", knownAt);
    if (currencyOrNull != null) {
      query.append(" and v.currency = :currency");
      params = params.and("currency", currencyOrNull);
    }
    if (asOfOrNull != null) {
      query.append(
          " and v.effectiveFrom = (select max(v3.effectiveFrom) from UnoreRateVersion v3"
              + " where v3.currency = v.currency and v3.effectiveFrom <= :asOf"
              + " and v3.recordedAt <= :knownAt)"
              + " and v.effectiveFrom >= :earliest");
      params = params.and("asOf", asOfOrNull).and("earliest", earliest);
    }
    if (page.after().isPresent()) {
      var after = page.after().get();
      query.append(" and ").append(Keyset.after("v.currency", "v.effectiveFrom"));
      params = params.and("k0", after.string(0, RateRules.CURRENCY)).and("k1", after.date(1));
    }
    query.append(" order by v.currency, v.effectiveFrom");
    return find(query.toString(), params).range(0, page.limit()).list();
  }
}
