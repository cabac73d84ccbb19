package org.jointappeal.appeal.appeal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jointappeal.appeal.money.Money;

/** A requirement line as a revision stated it; never changes. */
@Entity
@Table(name = "appeal_revision_line")
public class RevisionLine implements RequirementTerms {

  @Id private UUID id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "revision_id")
  private AppealRevision revision;

  @Column(name = "line_id", nullable = false)
  private UUID lineId;

  @Column(nullable = false, length = 3)
  private String country;

  @Column(nullable = false, length = 32)
  private String agency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private Sector sector;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private CategoryOfConcern category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Priority priority;

  @Column(length = 500)
  private String description;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
  })
  private Money amount;

  protected RevisionLine() {}

  RevisionLine(AppealRevision revision, RequirementLine line) {
    this.id = UUID.randomUUID();
    this.revision = revision;
    this.lineId = line.id();
    this.country = line.country();
    this.agency = line.agency();
    this.sector = line.sector();
    this.category = line.category();
    this.priority = line.priority();
    this.description = line.description();
    this.amount = line.amount();
  }

  public UUID lineId() {
    return lineId;
  }

  public String country() {
    return country;
  }

  public String agency() {
    return agency;
  }

  public Sector sector() {
    return sector;
  }

  public CategoryOfConcern category() {
    return category;
  }

  public Priority priority() {
    return priority;
  }

  public String description() {
    return description;
  }

  public Money amount() {
    return amount;
  }
}
