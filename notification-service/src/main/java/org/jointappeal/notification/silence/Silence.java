package org.jointappeal.notification.silence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Mutes the firing alerts whose labels match all its matchers, from start to end. Alerts still
 * change state; only their notifications are held back. Expiring keeps the row (history).
 */
@Entity
@Table(name = "silence")
public class Silence {

  @Id private UUID id;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  private List<LabelMatcher> matchers;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  private Instant endsAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Column(nullable = false, length = 1000)
  private String comment;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Silence() {}

  Silence(
      List<LabelMatcher> matchers,
      Instant startsAt,
      Instant endsAt,
      String createdBy,
      String comment,
      Instant createdAt) {
    this.id = UUID.randomUUID();
    this.matchers = List.copyOf(matchers);
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.createdBy = createdBy;
    this.comment = comment;
    this.createdAt = createdAt;
  }

  /** Ends the silence now; one already over stays as it was. */
  void expire(Instant at) {
    if (endsAt.isAfter(at)) {
      endsAt = at.isBefore(startsAt) ? startsAt : at;
    }
  }

  boolean isActiveAt(Instant at) {
    return !at.isBefore(startsAt) && at.isBefore(endsAt);
  }

  boolean matches(Map<String, String> labels) {
    return matchers.stream().allMatch(m -> m.matches(labels));
  }

  public UUID id() {
    return id;
  }

  public List<LabelMatcher> matchers() {
    return matchers;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public String comment() {
    return comment;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
