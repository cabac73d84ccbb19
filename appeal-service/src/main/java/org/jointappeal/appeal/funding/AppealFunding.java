package org.jointappeal.appeal.funding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** The funding projection's version per appeal: it grows with every published change. */
@Entity
@Table(name = "appeal_funding")
public class AppealFunding {

  @Id
  @Column(name = "appeal_code", length = 32)
  private String appealCode;

  @Column(name = "projection_version", nullable = false)
  private long projectionVersion;

  /** As last published: the coverage gauges read these (null: not published since V4). */
  @Column(name = "coverage_percent", precision = 9, scale = 2)
  private BigDecimal coveragePercent;

  @Column(name = "unmet_usd", precision = 19, scale = 4)
  private BigDecimal unmetUsd;

  protected AppealFunding() {}

  AppealFunding(String appealCode) {
    this.appealCode = appealCode;
  }

  long nextVersion() {
    return ++projectionVersion;
  }

  void published(FundingFigures figures) {
    this.coveragePercent = figures.coveragePercent();
    this.unmetUsd = figures.unmet().amount();
  }
}
