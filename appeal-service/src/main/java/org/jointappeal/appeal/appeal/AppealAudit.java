package org.jointappeal.appeal.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to an appeal: who (the token's subject), when, what. Written, never changed. */
@Entity
@Table(name = "appeal_audit")
public class AppealAudit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "appeal_code", nullable = false, length = 32)
  private String appealCode;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false, length = 200)
  private String actor;

  @Column(nullable = false, length = 32)
  private String action;

  @Column(name = "appeal_version", nullable = false)
  private long appealVersion;

  @Column(length = 2000)
  private String detail;

  protected AppealAudit() {}

  AppealAudit(
      String appealCode, Instant at, String actor, String action, long version, String detail) {
    this.appealCode = appealCode;
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.appealVersion = version;
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
  }

  Long id() {
    return id;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public long appealVersion() {
    return appealVersion;
  }

  public String detail() {
    return detail;
  }
}
