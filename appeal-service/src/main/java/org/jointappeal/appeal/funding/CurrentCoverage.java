package org.jointappeal.appeal.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The launched appeals' coverage as the projection last published it ({@code appeal_funding}),
 * which is what {@code GET /appeals/{code}/funding} computes, so the dashboard and the API never
 * disagree. An appeal not published since those columns exist is computed here, once per projection
 * version: until its next change the same figures are reused.
 */
@ApplicationScoped
public class CurrentCoverage {

  private final AppealFundingRepository projections;
  private final FundingService funding;
  private final Map<String, Computed> computed = new ConcurrentHashMap<>();

  private record Computed(long version, AppealCoverage coverage) {}

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
                select a.code, f.coverage_percent, f.unmet_usd,
                  coalesce(f.projection_version, 0) from appeal a
                left join appeal_funding f on f.appeal_code = a.code
                where a.status = 'LAUNCHED'""")
            .getResultList();
    var coverage = new ArrayList<AppealCoverage>(rows.size());
    for (Object[] row : rows) {
      String code = (String) row[0];
      if (row[2] != null) {
        coverage.add(new AppealCoverage(code, (BigDecimal) row[1], (BigDecimal) row[2]));
      } else {
        long version = ((Number) row[3]).longValue();
        var known = computed.get(code);
        if (known == null || known.version() != version) {
          var status = funding.status(code, null, null, null);
          known =
              new Computed(
                  version,
                  new AppealCoverage(code, status.coveragePercent(), status.unmet().amount()));
          computed.put(code, known);
        }
        coverage.add(known.coverage());
      }
    }
    return coverage;
  }
}
