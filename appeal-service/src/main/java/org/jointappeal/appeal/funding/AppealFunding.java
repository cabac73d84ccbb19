package org.jointappeal.appeal.funding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The funding projection's version per appeal: it grows with every published change. */
@Entity
@Table(name = "appeal_funding")
public class AppealFunding {

  @Id
  @Column(name = "appeal_code", length = 32)
  private String appealCode;

  @Column(name = "projection_version", nullable = false)
  private long projectionVersion;

  protected AppealFunding() {}

  AppealFunding(String appealCode) {
    this.appealCode = appealCode;
  }

  long nextVersion() {
    return ++projectionVersion;
  }
}
