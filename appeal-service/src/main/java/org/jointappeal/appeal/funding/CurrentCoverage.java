package org.jointappeal.appeal.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The launched appeals' coverage as the projection last published it ({@code appeal_funding}),
 * which is what {@code GET /appeals/{code}/funding} computes, so the dashboard and the API never
 * disagree. An appeal not published since those columns exist is computed once here.
 */
@ApplicationScoped
public class CurrentCoverage {

  private final AppealFundingRepository projections;
  private final FundingService funding;

  CurrentCoverage(AppealFundingRepository projections, FundingService funding) {
    this.projections = projections;
    this.funding = funding;
  }

  @Transactional
  public List<AppealCoverage> launched() {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        projections
            .getEntityManager()
            .createNativeQuery(
                """
                select a.code, f.coverage_percent, f.unmet_usd from appeal a
                left join appeal_funding f on f.appeal_code = a.code
                where a.status = 'LAUNCHED'""")
            .getResultList();
    var coverage = new ArrayList<AppealCoverage>(rows.size());
    for (Object[] row : rows) {
      String code = (String) row[0];
      if (row[2] != null) {
        coverage.add(new AppealCoverage(code, (BigDecimal) row[1], (BigDecimal) row[2]));
      } else {
        var status = funding.status(code, null, null);
        coverage.add(new AppealCoverage(code, status.coveragePercent(), status.unmet().amount()));
      }
    }
    return coverage;
  }
}
