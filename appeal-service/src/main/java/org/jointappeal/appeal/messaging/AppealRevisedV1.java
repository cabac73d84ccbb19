package org.jointappeal.appeal.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.appeal.appeal.Appeal;
import org.jointappeal.appeal.appeal.AppealRevision;
import org.jointappeal.appeal.money.Money;

/**
 * {@code org.jointappeal.appeal.revised.v1}: a launched appeal's requirement lines were replaced by
 * a new revision; the state carries the new (current) lines.
 */
public record AppealRevisedV1(
    String appealCode,
    AppealStateV1 appeal,
    Revision revision,
    LocalDate occurredOn,
    Instant recordedAt)
    implements AppealEvent {

  public static final String TYPE = "org.jointappeal.appeal.revised.v1";

  /** The revision: its number (0 = the original), why, and the original requirements. */
  public record Revision(
      int number, String reason, LocalDate effectiveOn, Money originalRequirements) {}

  public static AppealRevisedV1 of(Appeal appeal, AppealRevision revision, Instant recordedAt) {
    return new AppealRevisedV1(
        appeal.code(),
        AppealStateV1.of(appeal),
        new Revision(
            revision.number(),
            revision.reason(),
            revision.effectiveOn(),
            appeal.originalRequirements()),
        revision.effectiveOn(),
        recordedAt);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
