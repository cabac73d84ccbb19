package org.jointappeal.pledge.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jointappeal.pledge.donor.DonorCode;
import org.jointappeal.pledge.donor.DonorScope;
import org.jointappeal.pledge.pledge.Pledge;
import org.jointappeal.pledge.receipt.Allocation;

/** Reads pledges, allocations and donor names for the reconciliation view; the scope filters. */
@ApplicationScoped
class ReconciliationRepository {

  private final EntityManager em;

  ReconciliationRepository(EntityManager em) {
    this.em = em;
  }

  /**
   * Every pledge of an appeal and/or a donor within the caller's scope, cancelled ones included (a
   * pledge cancelled after the as-of date was there before it), with what is on file about it:
   * instalments, allocations, and when each step was recorded.
   */
  List<PledgeFacts> facts(String appealCodeOrNull, DonorCode donorOrNull, DonorScope scope) {
    var jpql =
        new StringBuilder(
            "select distinct p from Pledge p left join fetch p.instalments where 1 = 1");
    if (appealCodeOrNull != null) {
      jpql.append(" and p.appealCode = :appeal");
    }
    if (donorOrNull != null) {
      jpql.append(" and p.donorCode = :donor");
    }
    if (scope.restrictedTo().isPresent()) {
      jpql.append(" and p.donorCode = :scope");
    }
    var query = em.createQuery(jpql.toString(), Pledge.class);
    if (appealCodeOrNull != null) {
      query.setParameter("appeal", appealCodeOrNull);
    }
    if (donorOrNull != null) {
      query.setParameter("donor", donorOrNull);
    }
    scope.restrictedTo().ifPresent(own -> query.setParameter("scope", own));
    var pledges = query.getResultList();
    if (pledges.isEmpty()) {
      return List.of();
    }
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
              java.util.function.BiFunction<String, LocalDate, PledgeFacts.Dated> dated =
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
                  p.usdValue().amount(),
                  p.unitsPerUsd(),
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

  Map<String, String> donorNames() {
    var names = new HashMap<String, String>();
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows = em.createNativeQuery("select code, name from donor").getResultList();
    rows.forEach(row -> names.put(((String) row[0]).trim(), (String) row[1]));
    return names;
  }
}
