package org.jointappeal.pledge.iati;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jointappeal.pledge.pledge.Pledge;
import org.jointappeal.pledge.receipt.Allocation;

/** Reads an appeal's pledges, their allocations and the donors' names for the export. */
@ApplicationScoped
class IatiRepository {

  private final EntityManager em;

  IatiRepository(EntityManager em) {
    this.em = em;
  }

  /**
   * Withdrawn pledges are not reported: a cancellation takes the announcement back. The same export
   * twice lists its transactions in the same order: pledges recorded in the same instant (a bulk
   * load, a fixed test clock) follow their donor's code, then their id.
   */
  List<Pledge> pledgesOf(String appealCode) {
    return em.createQuery(
            // cancelled pledges too: the export shows their cancellation as a decrease
            "select p from Pledge p where p.appealCode = :appeal"
                + " order by p.announcedOn, p.createdAt, p.donorCode, p.id",
            Pledge.class)
        .setParameter("appeal", appealCode)
        .getResultList();
  }

  List<Allocation> allocationsTo(Collection<UUID> pledgeIds) {
    if (pledgeIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            // a reversed receipt's money was never received: its allocations are not incoming funds
            "select a from Allocation a where a.pledgeId in :ids and a.reversedOn is null"
                + " order by a.valueDate, a.recordedAt, a.id",
            Allocation.class)
        .setParameter("ids", pledgeIds)
        .getResultList();
  }

  Map<String, String> donorNames() {
    var names = new HashMap<String, String>();
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows = em.createNativeQuery("select code, name from donor").getResultList();
    rows.forEach(row -> names.put(((String) row[0]).trim(), (String) row[1]));
    return names;
  }
}
