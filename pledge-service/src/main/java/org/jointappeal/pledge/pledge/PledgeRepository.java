package org.jointappeal.pledge.pledge;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.paging.Keyset;
import org.jointappeal.pledge.paging.PageRequest;

/** Every read takes the caller's scope, so another donor's pledge is simply not found. */
@ApplicationScoped
public class PledgeRepository implements PanacheRepositoryBase<Pledge, UUID> {

  Optional<Pledge> findInScope(UUID id, DonorScope scope) {
    return findByIdOptional(id).filter(pledge -> scope.includes(pledge.donorCode()));
  }

  /** A page of pledges, by announcement date, then recording time and id: filtered in SQL. */
  List<Pledge> pageInScope(String appealCodeOrNull, DonorScope scope, PageRequest page) {
    var query = new StringBuilder("1 = 1");
    var params = new Parameters();
    if (appealCodeOrNull != null) {
      query.append(" and appealCode = :appeal");
      params = params.and("appeal", appealCodeOrNull);
    }
    if (scope.restrictedTo().isPresent()) {
      query.append(" and donorCode = :donor");
      params = params.and("donor", scope.restrictedTo().get());
    }
    if (page.after().isPresent()) {
      var after = page.after().get();
      query.append(" and ").append(Keyset.after("announcedOn", "createdAt", "id"));
      params = params.and("k0", after.date(0)).and("k1", after.instant(1)).and("k2", after.uuid(2));
    }
    return find(query.toString(), Sort.ascending("announcedOn").and("createdAt").and("id"), params)
        .range(0, page.limit())
        .list();
  }

  /**
   * Locks up to {@code limit} committed pledges with an unpaid instalment due before {@code today}
   * and not yet reported overdue. SKIP LOCKED: another instance's check, or a payment in progress,
   * keeps its pledges, and this run takes the others; a skipped pledge is taken by the next run.
   */
  List<UUID> lockPledgesWithInstalmentsPastDue(LocalDate today, int limit) {
    @SuppressWarnings("unchecked") // native query of one uuid column
    List<UUID> ids =
        getEntityManager()
            .createNativeQuery(
                """
                select p.id from pledge p
                where p.status in ('COMMITTED', 'PARTIALLY_PAID')
                  and exists (select 1 from instalment i
                              where i.pledge_id = p.id and i.due_on < ?1
                                and i.status in ('PENDING', 'PARTIALLY_PAID')
                                and i.overdue_reported_at is null)
                order by p.id
                limit ?2
                for update of p skip locked""",
                UUID.class)
            .setParameter(1, today)
            .setParameter(2, limit)
            .getResultList();
    return ids;
  }

  /** Every status with its count and USD value; a status no pledge stands in is absent. */
  List<StatusTotal> totalsByStatus() {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "select status, count(*), coalesce(sum(usd_amount), 0) from pledge group by status")
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new StatusTotal(
                    PledgeStatus.valueOf((String) row[0]),
                    ((Number) row[1]).longValue(),
                    (BigDecimal) row[2]))
        .toList();
  }
}
