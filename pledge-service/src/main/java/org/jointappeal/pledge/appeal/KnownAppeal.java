package org.jointappeal.pledge.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** pledge-service's copy of an appeal, kept from {@code appeal-events}; appeal-service owns it. */
@Entity
@Table(name = "known_appeal")
public class KnownAppeal {

  @Id
  @Column(length = 32)
  private String code;

  @Column(nullable = false, length = 300)
  private String title;

  @Column(nullable = false, length = 16)
  private String status;

  /** appeal-service's aggregate version: an older state never overwrites a newer one. */
  @Column(name = "aggregate_version", nullable = false)
  private long aggregateVersion;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected KnownAppeal() {}

  KnownAppeal(String code, String title, String status, long aggregateVersion, Instant updatedAt) {
    this.code = code;
    this.title = title;
    this.status = status;
    this.aggregateVersion = aggregateVersion;
    this.updatedAt = updatedAt;
  }

  /** Applies a newer state; returns false (and changes nothing) for a stale one. */
  boolean update(String title, String status, long aggregateVersion, Instant updatedAt) {
    if (aggregateVersion <= this.aggregateVersion) {
      return false;
    }
    this.title = title;
    this.status = status;
    this.aggregateVersion = aggregateVersion;
    this.updatedAt = updatedAt;
    return true;
  }

  public boolean acceptsPledges() {
    return "LAUNCHED".equals(status);
  }

  public String code() {
    return code;
  }

  public String status() {
    return status;
  }

  public long aggregateVersion() {
    return aggregateVersion;
  }
}
