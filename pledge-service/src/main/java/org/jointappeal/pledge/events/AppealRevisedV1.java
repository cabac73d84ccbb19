package org.jointappeal.pledge.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.jointappeal.appeal.revised.v1}: the requirements changed; its lines replace the ones
 * known.
 */
public record AppealRevisedV1(
    String appealCode, AppealState appeal, LocalDate occurredOn, Instant recordedAt)
    implements AppealChangedV1 {

  public static final String TYPE = "org.jointappeal.appeal.revised.v1";
}
