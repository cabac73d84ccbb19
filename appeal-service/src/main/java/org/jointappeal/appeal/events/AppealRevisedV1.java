package org.jointappeal.appeal.events;

import java.time.Instant;
import java.time.LocalDate;
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

  @Override
  public String type() {
    return TYPE;
  }
}
