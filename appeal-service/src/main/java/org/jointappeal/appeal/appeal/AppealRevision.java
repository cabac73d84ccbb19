package org.jointappeal.appeal.appeal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jointappeal.appeal.money.Money;

/** One set of requirement lines of a launched appeal, kept for ever: number 0 is the original. */
@Entity
@Table(name = "appeal_revision")
public class AppealRevision {

  @Id private UUID id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "appeal_code")
  private Appeal appeal;

  @Column(nullable = false)
  private int number;

  @Column(nullable = false, length = 1000)
  private String reason;

  @Column(name = "effective_on", nullable = false)
  private LocalDate effectiveOn;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false, length = 200)
  private String recordedBy;

  /** When its appeal.revised.v1 was published: on its effective date, not before. */
  @Column(name = "took_effect_at")
  private Instant tookEffectAt;

  @OneToMany(mappedBy = "revision", cascade = CascadeType.ALL)
  @OrderBy("country, agency, sector")
  private List<RevisionLine> lines = new ArrayList<>();

  protected AppealRevision() {}

  AppealRevision(
      Appeal appeal,
      int number,
      String reason,
      LocalDate effectiveOn,
      Instant recordedAt,
      String recordedBy,
      List<RequirementLine> current) {
    this.id = UUID.randomUUID();
    this.appeal = appeal;
    this.number = number;
    this.reason = reason;
    this.effectiveOn = effectiveOn;
    this.recordedAt = recordedAt;
    this.recordedBy = recordedBy;
    current.forEach(l -> lines.add(new RevisionLine(this, l)));
  }

  void tookEffect(Instant at) {
    this.tookEffectAt = at;
  }

  public boolean hasTakenEffect() {
    return tookEffectAt != null;
  }

  UUID id() {
    return id;
  }

  public Appeal appeal() {
    return appeal;
  }

  public Money requirements() {
    BigDecimal total =
        lines.stream()
            .map(l -> l.terms().amount().amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return Money.of(total, Appeal.REQUIREMENTS_CURRENCY);
  }

  public int number() {
    return number;
  }

  public String reason() {
    return reason;
  }

  public LocalDate effectiveOn() {
    return effectiveOn;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public List<RevisionLine> lines() {
    return Collections.unmodifiableList(lines);
  }
}
