package org.jointappeal.appeal.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

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

  @Embedded private LineTerms terms;

  protected RevisionLine() {}

  RevisionLine(AppealRevision revision, RequirementLine line) {
    this.id = UUID.randomUUID();
    this.revision = revision;
    this.lineId = line.id();
    this.terms = line.terms();
  }

  public UUID lineId() {
    return lineId;
  }

  @Override
  public LineTerms terms() {
    return terms;
  }
}
