package org.jointappeal.notification.known;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What the pledge rules read of a pledge, from {@code pledge-events}; pledge-service owns it. */
@Entity
@Table(name = "known_pledge")
public class KnownPledge {

  static final String COMMITTED = "COMMITTED";
  static final String PARTIALLY_PAID = "PARTIALLY_PAID";
  public static final String CANCELLED = "CANCELLED";
  public static final String WRITTEN_OFF = "WRITTEN_OFF";

  @Id
  @Column(name = "pledge_id")
  private UUID pledgeId;

  @Column(name = "appeal_code", nullable = false, length = 32)
  private String appealCode;

  @Column(name = "donor_code", nullable = false, length = 3)
  private String donorCode;

  @Column(nullable = false, length = 20)
  private String status;

  @Column(name = "usd_value", nullable = false, precision = 19, scale = 4)
  private BigDecimal usdValue;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  private List<Instalment> instalments;

  /** pledge-service's aggregate version: an older state never overwrites a newer one. */
  @Column(nullable = false)
  private long version;

  /** The earliest recordedAt seen, whichever event brought it: when the pledge was announced. */
  @Column(name = "announced_at", nullable = false)
  private Instant announcedAt;

  /** recordedAt of the state that set the current status: when it was cancelled, written off. */
  @Column(name = "status_since", nullable = false)
  private Instant statusSince;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** One scheduled part, in the pledge's currency; the status is pledge-service's. */
  public record Instalment(
      int number,
      LocalDate dueOn,
      BigDecimal amount,
      BigDecimal paid,
      String currency,
      String status) {

    /** Paid in full, or no longer expected (written off, cancelled). */
    public boolean settled() {
      return "PAID".equals(status) || WRITTEN_OFF.equals(status) || CANCELLED.equals(status);
    }

    public BigDecimal outstanding() {
      return amount.subtract(paid == null ? BigDecimal.ZERO : paid).max(BigDecimal.ZERO);
    }
  }

  protected KnownPledge() {}

  KnownPledge(UUID pledgeId) {
    this.pledgeId = pledgeId;
    this.version = -1; // pledge versions start at 0
  }

  /** Takes a newer state; returns false, changing nothing but the announcement time, if stale. */
  public boolean update(PledgeState state, Instant at) {
    Instant recordedAt = state.recordedAt();
    if (announcedAt == null || recordedAt.isBefore(announcedAt)) {
      announcedAt = recordedAt; // a late announced event still dates the announcement
    }
    if (state.version() <= this.version) {
      return false;
    }
    if (!state.status().equals(this.status)) {
      this.statusSince = recordedAt;
    }
    this.version = state.version();
    this.appealCode = state.appealCode();
    this.donorCode = state.donorCode();
    this.status = state.status();
    this.usdValue = state.usdValue();
    this.instalments = List.copyOf(state.instalments());
    this.updatedAt = at;
    return true;
  }

  /**
   * Its instalments are owed: committed or partly paid. An announced pledge is not binding, a paid
   * one settled, a cancelled or written-off one no longer expected: none of their instalments is
   * ever overdue, whatever the instalment's own status says.
   */
  public boolean owed() {
    return COMMITTED.equals(status) || PARTIALLY_PAID.equals(status);
  }

  public UUID pledgeId() {
    return pledgeId;
  }

  public String appealCode() {
    return appealCode;
  }

  public String donorCode() {
    return donorCode;
  }

  public String status() {
    return status;
  }

  public BigDecimal usdValue() {
    return usdValue;
  }

  public List<Instalment> instalments() {
    return instalments;
  }

  public Instant announcedAt() {
    return announcedAt;
  }

  public Instant statusSince() {
    return statusSince;
  }
}
