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

/**
 * What one country programme of one agency needs, for one sector and category of concern, in USD.
 */
@Entity
@Table(name = "requirement_line")
public class RequirementLine implements RequirementTerms {

  @Id private UUID id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "appeal_code")
  private Appeal appeal;

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

  protected RequirementLine() {}

  RequirementLine(Appeal appeal, LineSpec line) {
    this.id = UUID.randomUUID();
    this.appeal = appeal;
    restate(line);
  }

  /** A revision states this line anew; its identity (and the money earmarked to it) stays. */
  void restate(LineSpec line) {
    this.country = line.country();
    this.agency = line.agency();
    this.sector = line.sector();
    this.category = line.category();
    this.priority = line.priority();
    this.description = line.description();
    this.amount = line.amount();
  }

  public UUID id() {
    return id;
  }

  @Override
  public UUID lineId() {
    return id;
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
