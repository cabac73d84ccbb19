package org.jointappeal.pledge.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.paging.Keyset;
import org.jointappeal.pledge.paging.PageRequest;
import org.jointappeal.pledge.pledge.Pledge;
import org.jointappeal.pledge.receipt.Allocation;

/** Reads pledges, allocations and donor names for the reconciliation view; the scope filters. */
@ApplicationScoped
class ReconciliationRepository {

  /** An appeal code as cursors hold it (what appeal-service accepts as a code). */
  private static final Pattern APPEAL_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

  private final EntityManager em;

  ReconciliationRepository(EntityManager em) {
    this.em = em;
  }

  /**
   * Every pledge of an appeal within the caller's scope, cancelled ones included (a pledge
   * cancelled after the as-of date was there before it), with what is on file about it:
   * instalments, allocations, and when each step was recorded.
   */
  List<PledgeFacts> factsOfAppeal(String appealCode, DonorScope scope) {
    var jpql =
        new StringBuilder(
            "select distinct p from Pledge p left join fetch p.instalments"
                + " where p.appealCode = :appeal");
    if (scope.restrictedTo().isPresent()) {
      jpql.append(" and p.donorCode = :scope");
    }
    var query = em.createQuery(jpql.toString(), Pledge.class).setParameter("appeal", appealCode);
    scope.restrictedTo().ifPresent(own -> query.setParameter("scope", own));
    return facts(query.getResultList());
  }

  /**
   * A page of a donor's pledges that exist as of the date, as known at the instant (announced and
   * recorded by then, not cancelled by then: what {@link PledgeAsOf} keeps), by appeal,
   * announcement date, recording time and id. Filtered and ordered in SQL; their facts come in
   * three more queries, whatever the page's size.
   */
  List<Pledge> pageOfDonor(
      DonorCode donor, DonorScope scope, LocalDate asOf, Instant knownAtOrNull, PageRequest page) {
    var jpql =
        new StringBuilder(
            "select p from Pledge p where p.donorCode = :donor and p.announcedOn <= :asOf"
                + " and not (p.cancelledOn is not null and p.cancelledOn <= :asOf"
                + knownBy("CANCELLED", knownAtOrNull)
                + ")");
    if (knownAtOrNull != null) {
      jpql.append(" and p.createdAt <= :knownAt");
    }
    if (scope.restrictedTo().isPresent()) {
      jpql.append(" and p.donorCode = :scope");
    }
    if (page.after().isPresent()) {
      jpql.append(" and ")
          .append(Keyset.after("p.appealCode", "p.announcedOn", "p.createdAt", "p.id"));
    }
    jpql.append(" order by p.appealCode, p.announcedOn, p.createdAt, p.id");
    var query =
        em.createQuery(jpql.toString(), Pledge.class)
            .setParameter("donor", donor)
            .setParameter("asOf", asOf)
            .setMaxResults(page.fetch());
    if (knownAtOrNull != null) {
      query.setParameter("knownAt", knownAtOrNull);
    }
    scope.restrictedTo().ifPresent(own -> query.setParameter("scope", own));
    page.after()
        .ifPresent(
            after ->
                query
                    .setParameter("k0", after.string(0, APPEAL_CODE))
                    .setParameter("k1", after.date(1))
                    .setParameter("k2", after.instant(2))
                    .setParameter("k3", after.uuid(3)));
    return query.getResultList();
  }

  /**
   * " and (when the step was first recorded) <= :knownAt": its first history entry, else the
   * pledge's own recording (what {@link #facts} reads as the step's recording instant).
   */
  private static String knownBy(String action, Instant knownAtOrNull) {
    if (knownAtOrNull == null) {
      return "";
    }
    return " and coalesce((select min(h.recordedAt) from PledgeHistoryEntry h"
        + " where h.pledgeId = p.id and h.action = '"
        + action
        + "'), p.createdAt) <= :knownAt";
  }

  /**
   * What is on file about these pledges: instalments (read now for any not read yet: one query),
   * allocations and when each step was recorded (one query each).
   */
  List<PledgeFacts> facts(List<Pledge> pledges) {
    if (pledges.isEmpty()) {
      return List.of();
    }
    em.createQuery(
            "select distinct p from Pledge p left join fetch p.instalments where p in :pledges",
            Pledge.class)
        .setParameter("pledges", pledges)
        .getResultList();
    var ids = pledges.stream().map(Pledge::id).toList();
    var allocations = new HashMap<UUID, List<PledgeFacts.AllocationFact>>();
    em.createQuery(
            "select distinct a from Allocation a left join fetch a.parts where a.pledgeId in :ids",
            Allocation.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(
            a ->
                allocations
                    .computeIfAbsent(a.pledgeId(), id -> new ArrayList<>())
                    .add(
                        new PledgeFacts.AllocationFact(
                            a.paidOn(),
                            a.recordedAt(),
                            a.usdAmount().amount(),
                            a.exchangeGain().amount(),
                            a.parts().stream()
                                .collect(
                                    Collectors.toMap(
                                        Allocation.Part::instalmentNumber,
                                        Allocation.Part::amount,
                                        BigDecimal::add)),
                            a.reversedOn() == null
                                ? null
                                : new PledgeFacts.Dated(a.reversedOn(), a.reversedAt()))));
    // when each step became known: its first history entry
    var recorded = new HashMap<String, Instant>();
    em.createQuery(
            "select h.pledgeId, h.action, min(h.recordedAt) from PledgeHistoryEntry h"
                + " where h.pledgeId in :ids and h.action in ('COMMITTED', 'CANCELLED',"
                + " 'WRITTEN_OFF') group by h.pledgeId, h.action",
            Object[].class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(row -> recorded.put(row[0] + "/" + row[1], (Instant) row[2]));
    return pledges.stream()
        .map(
            p -> {
              BiFunction<String, LocalDate, PledgeFacts.Dated> dated =
                  (action, on) ->
                      on == null
                          ? null
                          : new PledgeFacts.Dated(
                              on, recorded.getOrDefault(p.id() + "/" + action, p.createdAt()));
              return new PledgeFacts(
                  p.id(),
                  p.appealCode(),
                  p.donorCode().value(),
                  p.amount().currency(),
                  p.amount().amount(),
                  p.valuation().usd().amount(),
                  p.valuation().unitsPerUsd(),
                  p.announcedOn(),
                  p.createdAt(),
                  dated.apply("COMMITTED", p.committedOn()),
                  dated.apply("CANCELLED", p.cancelledOn()),
                  dated.apply("WRITTEN_OFF", p.writtenOffOn()),
                  p.writtenOffUsd().amount(),
                  p.instalments().stream()
                      .map(
                          i ->
                              new PledgeFacts.InstalmentFact(
                                  i.number(), i.dueOn(), i.amount(), i.writtenOff()))
                      .toList(),
                  List.copyOf(allocations.getOrDefault(p.id(), List.of())));
            })
        .toList();
  }

  /** One currency's sums over a donor's pledges as of a date (see {@link #donorTotals}). */
  record CurrencyTotal(
      String currency,
      BigDecimal pledged,
      BigDecimal committed,
      BigDecimal received,
      BigDecimal outstanding,
      BigDecimal writtenOff,
      BigDecimal usdPledged,
      BigDecimal usdCommitted,
      BigDecimal usdReceived,
      BigDecimal usdOutstanding,
      BigDecimal usdWrittenOff,
      BigDecimal exchangeGainLoss) {}

  /** One currency's overdue money in one ageing bucket (0: 1-30 days ... 3: over 90). */
  record OverdueTotal(String currency, int bucket, BigDecimal amount, BigDecimal usd) {}

  /** Both parts of a donor's totals. */
  record DonorTotals(List<CurrencyTotal> currencies, List<OverdueTotal> overdue) {}

  /**
   * What a donor's pledges add up to as of a date, as known at an instant, summed in the database
   * (a page of rows does not need every pledge read): the same rules as {@link PledgeAsOf} and
   * {@link Ledger}, each USD figure rounded where Java rounds it (usd_at_rate: half-even, once per
   * pledge remainder and per overdue instalment). Two queries, whatever the number of pledges.
   */
  DonorTotals donorTotals(
      DonorCode donor, DonorScope scope, LocalDate asOf, Instant knownAtOrNull) {
    String pledges = pledgesAsOf(scope, knownAtOrNull);
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> sums =
        totalsQuery(
                pledges
                    + """
                    select currency,
                           sum(amount),
                           sum(case when committed then amount else 0 end),
                           sum(paid),
                           sum(case when committed then amount - paid - written_off_amount
                                    else 0 end),
                           sum(written_off_amount),
                           sum(usd_amount),
                           sum(case when committed then usd_amount else 0 end),
                           sum(paid_usd),
                           sum(case when committed
                                    then usd_at_rate(amount - paid - written_off_amount, currency,
                                                     units_per_usd)
                                    else 0 end),
                           sum(case when written_off
                                    then usd_at_rate(written_off_amount, currency, units_per_usd)
                                    else 0 end),
                           sum(gain)
                      from (select p.currency, p.amount, p.usd_amount, p.units_per_usd,
                                   p.committed, p.written_off,
                                   coalesce(pd.amount, 0) as paid,
                                   coalesce(money.usd, 0) as paid_usd,
                                   coalesce(money.gain, 0) as gain,
                                   case when p.written_off then coalesce(wo.amount, 0) else 0 end
                                     as written_off_amount
                              from p
                              left join lateral (select sum(paid.amount) as amount from paid
                                                  where paid.pledge_id = p.id) pd on true
                              left join lateral (select sum(c.usd_amount) as usd,
                                                        sum(c.exchange_gain) as gain
                                                   from counted c
                                                  where c.pledge_id = p.id) money on true
                              left join lateral (select sum(i.written_off) as amount
                                                   from instalment i
                                                  where i.pledge_id = p.id) wo on true) f
                     group by currency
                     order by currency""",
                donor,
                scope,
                asOf,
                knownAtOrNull)
            .getResultList();
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> overdue =
        totalsQuery(
                pledges
                    + """
                    select p.currency, b.bucket, sum(b.unpaid),
                           sum(usd_at_rate(b.unpaid, p.currency, p.units_per_usd))
                      from p
                      join lateral (
                        select i.amount - coalesce(paid.amount, 0)
                                 - case when p.written_off then i.written_off else 0 end as unpaid,
                               cast(:asOf as date) - i.due_on as days,
                               case when cast(:asOf as date) - i.due_on <= 30 then 0
                                    when cast(:asOf as date) - i.due_on <= 60 then 1
                                    when cast(:asOf as date) - i.due_on <= 90 then 2
                                    else 3 end as bucket
                          from instalment i
                          left join paid on paid.pledge_id = i.pledge_id
                                        and paid.instalment_number = i.number
                         where i.pledge_id = p.id) b on true
                     where p.committed and b.unpaid > 0 and b.days > 0
                     group by p.currency, b.bucket
                     order by p.currency, b.bucket""",
                donor,
                scope,
                asOf,
                knownAtOrNull)
            .getResultList();
    return new DonorTotals(
        sums.stream()
            .map(
                row ->
                    new CurrencyTotal(
                        ((String) row[0]).trim(),
                        (BigDecimal) row[1],
                        (BigDecimal) row[2],
                        (BigDecimal) row[3],
                        (BigDecimal) row[4],
                        (BigDecimal) row[5],
                        (BigDecimal) row[6],
                        (BigDecimal) row[7],
                        (BigDecimal) row[8],
                        (BigDecimal) row[9],
                        (BigDecimal) row[10],
                        (BigDecimal) row[11]))
            .toList(),
        overdue.stream()
            .map(
                row ->
                    new OverdueTotal(
                        ((String) row[0]).trim(),
                        ((Number) row[1]).intValue(),
                        (BigDecimal) row[2],
                        (BigDecimal) row[3]))
            .toList());
  }

  /**
   * The common part of the totals' queries: {@code p}, the donor's pledges that exist as of the
   * date (with whether they are committed and written off by then), {@code counted}, their
   * allocations that count, and {@code paid}, what those paid of each instalment. The same rules as
   * {@link PledgeAsOf}: a step counts when dated on or before asOf and first recorded (its first
   * history entry, else the pledge's recording) at or before knownAt.
   */
  private static String pledgesAsOf(DonorScope scope, Instant knownAtOrNull) {
    boolean known = knownAtOrNull != null;
    return """
        with p as (
          select p.id, p.currency, p.amount, p.usd_amount, p.units_per_usd,
                 (p.committed_on is not null and p.committed_on <= :asOf %s) as committed,
                 (p.written_off_on is not null and p.written_off_on <= :asOf %s) as written_off
            from pledge p
           where p.donor_code = :donor %s
             and p.announced_on <= :asOf %s
             and not (p.cancelled_on is not null and p.cancelled_on <= :asOf %s)
        ),
        counted as (
          select a.id, a.pledge_id, a.usd_amount, a.exchange_gain
            from allocation a
            join p on p.id = a.pledge_id
           where a.paid_on <= :asOf %s
             and not (a.reversed_on is not null and a.reversed_on <= :asOf %s)
        ),
        paid as (
          select c.pledge_id, ai.instalment_number, sum(ai.amount) as amount
            from counted c
            join allocation_instalment ai on ai.allocation_id = c.id
           group by c.pledge_id, ai.instalment_number
        )
        """
        .formatted(
            known ? firstRecorded("COMMITTED") : "",
            known ? firstRecorded("WRITTEN_OFF") : "",
            scope.restrictedTo().isPresent() ? "and p.donor_code = :scope" : "",
            known ? "and p.created_at <= :knownAt" : "",
            known ? firstRecorded("CANCELLED") : "",
            known ? "and a.recorded_at <= :knownAt" : "",
            known ? "and a.reversed_at <= :knownAt" : "");
  }

  private static String firstRecorded(String action) {
    return "and coalesce((select min(h.recorded_at) from pledge_history h"
        + " where h.pledge_id = p.id and h.action = '"
        + action
        + "'), p.created_at) <= :knownAt";
  }

  private Query totalsQuery(
      String sql, DonorCode donor, DonorScope scope, LocalDate asOf, Instant knownAtOrNull) {
    var query =
        em.createNativeQuery(sql).setParameter("donor", donor.value()).setParameter("asOf", asOf);
    if (knownAtOrNull != null) {
      query.setParameter("knownAt", knownAtOrNull);
    }
    scope.restrictedTo().ifPresent(own -> query.setParameter("scope", own.value()));
    return query;
  }

  Map<String, String> donorNames() {
    var names = new HashMap<String, String>();
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows = em.createNativeQuery("select code, name from donor").getResultList();
    rows.forEach(row -> names.put(((String) row[0]).trim(), (String) row[1]));
    return names;
  }
}
