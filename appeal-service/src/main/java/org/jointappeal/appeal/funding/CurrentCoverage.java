package org.jointappeal.appeal.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The launched appeals' coverage, computed exactly as {@code GET /appeals/{code}/funding} computes
 * it, so the dashboard and the API never disagree. The projection's version tells which appeals
 * changed since they were last computed: only those need computing again.
 */
@ApplicationScoped
public class CurrentCoverage {

  private final AppealFundingRepository projections;
  private final FundingService funding;

  CurrentCoverage(AppealFundingRepository projections, FundingService funding) {
    this.projections = projections;
    this.funding = funding;
  }

  /** Each launched appeal with its projection version, which grows with every funding change. */
  @Transactional
  public Map<String, Long> launchedAppealVersions() {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        projections
            .getEntityManager()
            .createNativeQuery(
                """
                select a.code, coalesce(f.projection_version, 0) from appeal a
                left join appeal_funding f on f.appeal_code = a.code
                where a.status = 'LAUNCHED'""")
            .getResultList();
    var versions = new HashMap<String, Long>();
    rows.forEach(row -> versions.put((String) row[0], ((Number) row[1]).longValue()));
    return versions;
  }

  @Transactional
  public List<AppealCoverage> of(Collection<String> appealCodes) {
    return appealCodes.stream()
        .map(code -> funding.status(code, null, null))
        .map(
            status ->
                new AppealCoverage(
                    status.appealCode(), status.coveragePercent(), status.unmet().amount()))
        .toList();
  }
}
