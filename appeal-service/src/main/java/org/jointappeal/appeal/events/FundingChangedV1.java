package org.jointappeal.appeal.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jointappeal.appeal.messaging.OutgoingEvent;
import org.jointappeal.appeal.money.Money;

/**
 * {@code org.jointappeal.funding.changed.v1}: an appeal's funding figures after a change, with the
 * projection's version so that consumers can ignore an older state, and the figures of its line
 * groups by dimension (country, agency, sector, category, priority) for line-level alerts.
 */
public record FundingChangedV1(
    String appealCode,
    long version,
    Figures funding,
    Map<String, List<GroupFiguresV1>> groups,
    LocalDate occurredOn,
    Instant recordedAt)
    implements OutgoingEvent {

  public static final String TYPE = "org.jointappeal.funding.changed.v1";

  /**
   * The appeal's figures the FTS way (funding = committed + paid; pledges apart), as {@code GET
   * /appeals/{code}/funding} shows them today; a record of the contract's own, so that a change of
   * the REST answer cannot change this event.
   */
  public record Figures(
      Money originalRequirements,
      Money currentRequirements,
      Money pledged,
      Money committed,
      Money paid,
      Money funding,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal coveragePercent,
      Money unmet) {}

  /** One line group: the lines sharing a value of the dimension, and the money placed in them. */
  public record GroupFiguresV1(
      String key,
      Money currentRequirements,
      Money funding,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal coveragePercent,
      Money unmet) {}

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String recordKey() {
    return appealCode;
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
