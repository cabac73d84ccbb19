package org.jointappeal.pledge.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jointappeal.pledge.donor.DonorCode;
import org.jointappeal.pledge.donor.DonorScope;
import org.jointappeal.pledge.pledge.Pledge;
import org.jointappeal.pledge.pledge.PledgeStatus;

/** Reads pledges, allocations and donor names for the reconciliation view; the scope filters. */
@ApplicationScoped
class ReconciliationRepository {

  private final EntityManager em;

  ReconciliationRepository(EntityManager em) {
    this.em = em;
  }

  /**
   * Pledges not cancelled (withdrawn before any payment: nothing to reconcile), with their
   * instalments, of an appeal and/or a donor, within the caller's scope.
   */
  List<Pledge> pledges(String appealCodeOrNull, DonorCode donorOrNull, DonorScope scope) {
    var jpql =
        new StringBuilder(
            "select distinct p from Pledge p left join fetch p.instalments"
                + " where p.status <> :cancelled");
    if (appealCodeOrNull != null) {
      jpql.append(" and p.appealCode = :appeal");
    }
    if (donorOrNull != null) {
      jpql.append(" and p.donorCode = :donor");
    }
    if (scope.restrictedTo().isPresent()) {
      jpql.append(" and p.donorCode = :scope");
    }
    var query =
        em.createQuery(jpql.toString(), Pledge.class)
            .setParameter("cancelled", PledgeStatus.CANCELLED);
    if (appealCodeOrNull != null) {
      query.setParameter("appeal", appealCodeOrNull);
    }
    if (donorOrNull != null) {
      query.setParameter("donor", donorOrNull);
    }
    scope.restrictedTo().ifPresent(own -> query.setParameter("scope", own));
    return query.getResultList();
  }

  /** The realised exchange gain (+) or loss (-) of each pledge's allocations, in USD. */
  Map<UUID, BigDecimal> exchangeGainLoss(Collection<UUID> pledgeIds) {
    var gains = new HashMap<UUID, BigDecimal>();
    if (pledgeIds.isEmpty()) {
      return gains;
    }
    em.createQuery(
            "select a.pledgeId, sum(a.exchangeGain) from Allocation a"
                + " where a.pledgeId in :ids group by a.pledgeId",
            Object[].class)
        .setParameter("ids", pledgeIds)
        .getResultList()
        .forEach(row -> gains.put((UUID) row[0], (BigDecimal) row[1]));
    return gains;
  }

  Map<String, String> donorNames() {
    var names = new HashMap<String, String>();
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows = em.createNativeQuery("select code, name from donor").getResultList();
    rows.forEach(row -> names.put(((String) row[0]).trim(), (String) row[1]));
    return names;
  }
}
