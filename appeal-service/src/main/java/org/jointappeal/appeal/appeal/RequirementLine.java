package org.jointappeal.appeal.appeal;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

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

  @Embedded private LineTerms terms;

  protected RequirementLine() {}

  RequirementLine(Appeal appeal, LineSpec line) {
    this.id = UUID.randomUUID();
    this.appeal = appeal;
    restate(line);
  }

  /** A revision states this line anew; its identity (and the money earmarked to it) stays. */
  void restate(LineSpec line) {
    this.terms = line.terms();
  }

  public UUID id() {
    return id;
  }

  @Override
  public UUID lineId() {
    return id;
  }

  @Override
  public LineTerms terms() {
    return terms;
  }
}
