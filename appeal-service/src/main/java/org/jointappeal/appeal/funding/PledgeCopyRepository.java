package org.jointappeal.appeal.funding;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PledgeCopyRepository implements PanacheRepositoryBase<PledgeCopy, UUID> {

  /** USD totals of an appeal's pledges by status (each value was rounded once, where converted). */
  Map<String, BigDecimal> usdTotalsByStatus(String appealCode) {
    List<Object[]> rows =
        getEntityManager()
            .createQuery(
                "select p.status, sum(p.usdAmount) from PledgeCopy p where p.appealCode = :appeal group by p.status",
                Object[].class)
            .setParameter("appeal", appealCode)
            .getResultList();
    Map<String, BigDecimal> totals = new HashMap<>();
    for (Object[] row : rows) {
      totals.put((String) row[0], (BigDecimal) row[1]);
    }
    return totals;
  }
}
