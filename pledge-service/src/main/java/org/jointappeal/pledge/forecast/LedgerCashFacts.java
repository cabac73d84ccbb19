package org.jointappeal.pledge.forecast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.forecast.CashHistory.AppealFact;
import org.jointappeal.pledge.forecast.CashHistory.InstalmentFact;
import org.jointappeal.pledge.forecast.CashHistory.PaymentFact;
import org.jointappeal.pledge.forecast.CashHistory.PledgeFact;
import org.jointappeal.pledge.forecast.CashHistory.RateFact;

/**
 * The forecast's port on pledge-service's own tables, read the way the ledger reads them: a fact
 * counts when its business date is on or before {@code asOf} and it was recorded at or before
 * {@code knownAt} (a pledge from its announcement, a commitment, cancellation or write-off from its
 * first history entry, a paid part from its allocation, a rate in the version then recorded). A
 * donor's scope narrows everything read, the history learned from included: a donor's forecast
 * rests on its own pledges only.
 */
@ApplicationScoped
class LedgerCashFacts {

  private final EntityManager em;

  LedgerCashFacts(EntityManager em) {
    this.em = em;
  }

  /** A port fixed to a knownAt instant and a scope; the forecast asks it for its asOf. */
  CashFacts knownAt(Instant knownAt, DonorScope scope) {
    return asOf -> read(asOf, knownAt, scope);
  }

  private CashHistory read(LocalDate asOf, Instant knownAt, DonorScope scope) {
    String donor = scope.restrictedTo().map(d -> d.value()).orElse(null);
    String pledgeFilter =
        " p.announced_on <= :asOf and p.created_at <= :knownAt"
            + (donor == null ? "" : " and p.donor_code = :donor");

    var appeals = new ArrayList<AppealFact>();
    for (Object[] row :
        rows(
            em.createNativeQuery(
                "select code, period_start, period_end, requirements_usd from known_appeal"
                    + " where period_end is not null order by code"))) {
      appeals.add(
          new AppealFact(
              (String) row[0],
              date(row[1]),
              date(row[2]),
              row[3] == null ? null : ((BigDecimal) row[3]).setScale(2, RoundingMode.HALF_EVEN)));
    }

    // when each step became known: its first history entry (as the ledger reads it)
    var recorded = new HashMap<String, Instant>();
    for (Object[] row :
        rows(
            bind(
                em.createNativeQuery(
                    "select h.pledge_id, h.action, min(h.recorded_at) from pledge_history h"
                        + " join pledge p on p.id = h.pledge_id where"
                        + pledgeFilter
                        + " and h.action in ('COMMITTED', 'CANCELLED', 'WRITTEN_OFF')"
                        + " group by h.pledge_id, h.action"),
                asOf,
                knownAt,
                donor))) {
      recorded.put(row[0] + "/" + row[1], instant(row[2]));
    }

    var paidParts = new HashMap<String, List<PaymentFact>>();
    for (Object[] row :
        rows(
            bind(
                em.createNativeQuery(
                    "select a.id, a.pledge_id, a.paid_on, a.usd_amount, a.amount,"
                        + " ai.instalment_number, ai.amount from allocation a"
                        + " join allocation_instalment ai on ai.allocation_id = a.id"
                        + " join pledge p on p.id = a.pledge_id where"
                        + pledgeFilter
                        + " and a.paid_on <= :asOf and a.recorded_at <= :knownAt"
                        + " order by a.id, ai.instalment_number"),
                asOf,
                knownAt,
                donor))) {
      // the allocation's USD value shared over its instalment parts in proportion (to cents)
      paidParts
          .computeIfAbsent(row[1] + "/" + row[5], k -> new ArrayList<>())
          .add(
              new PaymentFact(
                  date(row[2]),
                  (BigDecimal) row[6],
                  ((BigDecimal) row[3])
                      .multiply((BigDecimal) row[6])
                      .divide((BigDecimal) row[4], 2, RoundingMode.HALF_EVEN)));
    }

    var instalments = new LinkedHashMap<String, List<Object[]>>();
    for (Object[] row :
        rows(
            bind(
                em.createNativeQuery(
                    "select i.pledge_id, i.number, i.due_on, i.amount, i.written_off, p.currency"
                        + " from instalment i join pledge p on p.id = i.pledge_id where"
                        + pledgeFilter
                        + " order by i.pledge_id, i.number"),
                asOf,
                knownAt,
                donor))) {
      instalments.computeIfAbsent(row[0].toString(), k -> new ArrayList<>()).add(row);
    }

    var pledges = new ArrayList<PledgeFact>();
    for (Object[] row :
        rows(
            bind(
                em.createNativeQuery(
                    "select p.id, p.donor_code, p.appeal_code, p.announced_on, p.committed_on,"
                        + " p.cancelled_on, p.written_off_on, p.created_at from pledge p where"
                        + pledgeFilter
                        + " order by p.id"),
                asOf,
                knownAt,
                donor))) {
      String id = row[0].toString();
      Instant created = instant(row[7]);
      LocalDate committed = known(date(row[4]), recorded.get(id + "/COMMITTED"), created, knownAt);
      LocalDate cancelled = known(date(row[5]), recorded.get(id + "/CANCELLED"), created, knownAt);
      LocalDate writtenOff =
          known(date(row[6]), recorded.get(id + "/WRITTEN_OFF"), created, knownAt);
      var facts = new ArrayList<InstalmentFact>();
      for (Object[] i : instalments.getOrDefault(id, List.of())) {
        int number = ((Number) i[1]).intValue();
        String currency = ((String) i[5]).trim();
        int digits = CashForecaster.digits(currency);
        boolean partWrittenOff = ((BigDecimal) i[4]).signum() > 0;
        facts.add(
            new InstalmentFact(
                id + "-" + number,
                date(i[2]),
                ((BigDecimal) i[3]).setScale(digits, RoundingMode.UNNECESSARY),
                currency,
                paidParts.getOrDefault(id + "/" + number, List.of()).stream()
                    .map(
                        pf ->
                            new PaymentFact(
                                pf.valueDate(),
                                pf.amount().setScale(digits, RoundingMode.UNNECESSARY),
                                pf.usd()))
                    .toList(),
                partWrittenOff ? writtenOff : null));
      }
      pledges.add(
          new PledgeFact(
              id,
              ((String) row[1]).trim(),
              (String) row[2],
              date(row[3]),
              committed,
              cancelled,
              facts));
    }

    var rates = new ArrayList<RateFact>();
    for (Object[] row :
        rows(
            em.createNativeQuery(
                    "select distinct on (currency, effective_from) currency, effective_from,"
                        + " units_per_usd from unore_rate_version"
                        + " where effective_from <= :asOf and recorded_at <= :knownAt"
                        + " order by currency, effective_from, version desc")
                .setParameter("asOf", asOf)
                .setParameter("knownAt", Timestamp.from(knownAt)))) {
      rates.add(new RateFact(((String) row[0]).trim(), (BigDecimal) row[2], date(row[1])));
    }
    return new CashHistory(appeals, pledges, rates);
  }

  /** A step's date while it is known at knownAt (recorded then or before), else null. */
  private static LocalDate known(
      LocalDate on, Instant recordedOrNull, Instant created, Instant knownAt) {
    if (on == null) {
      return null;
    }
    Instant recorded = recordedOrNull == null ? created : recordedOrNull;
    return recorded.isAfter(knownAt) ? null : on;
  }

  private static Query bind(Query query, LocalDate asOf, Instant knownAt, String donorOrNull) {
    query.setParameter("asOf", asOf).setParameter("knownAt", Timestamp.from(knownAt));
    if (donorOrNull != null) {
      query.setParameter("donor", donorOrNull);
    }
    return query;
  }

  @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
  private static List<Object[]> rows(Query query) {
    return query.getResultList();
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
