package org.jointappeal.pledge.pledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One change of a pledge, for the audit: who (token subject), when, what. Never changed. */
@Entity
@Table(name = "pledge_history")
public class PledgeHistoryEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pledge_id", nullable = false)
  private UUID pledgeId;

  @Column(nullable = false)
  private long version;

  @Column(nullable = false, length = 32)
  private String action;

  @Column(nullable = false, length = 200)
  private String actor;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "occurred_on", nullable = false)
  private LocalDate occurredOn;

  @Column(length = 500)
  private String detail;

  protected PledgeHistoryEntry() {}

  PledgeHistoryEntry(
      Pledge pledge,
      String action,
      String actor,
      Instant recordedAt,
      LocalDate occurredOn,
      String detail) {
    this.pledgeId = pledge.id();
    this.version = pledge.version();
    this.action = action;
    this.actor = actor;
    this.recordedAt = recordedAt;
    this.occurredOn = occurredOn;
    this.detail = detail;
  }

  UUID pledgeId() {
    return pledgeId;
  }

  public long id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String action() {
    return action;
  }

  public String actor() {
    return actor;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public LocalDate occurredOn() {
    return occurredOn;
  }

  public String detail() {
    return detail;
  }
}
