package org.jointappeal.appeal.messaging;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.appeal.funding.FundingFigures;

/**
 * {@code org.jointappeal.funding.changed.v1}: an appeal's funding figures after a change, with the
 * projection's version so that consumers can ignore an older state.
 */
public record FundingChangedV1(
    String appealCode,
    long version,
    FundingFigures funding,
    LocalDate occurredOn,
    Instant recordedAt)
    implements OutgoingEvent {

  public static final String TYPE = "org.jointappeal.funding.changed.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String topic() {
    return "funding-events";
  }

  @Override
  public String subject() {
    return appealCode;
  }
}
