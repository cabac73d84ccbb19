package org.jointappeal.pledge.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.messaging.OutgoingEvent;
import org.jointappeal.pledge.money.Money;

/**
 * {@code org.jointappeal.forecast.projected.v1}: an appeal's cash funding projected to its period
 * end (p10 / p50 / p90) against its current requirements, as of a business date. Published on
 * {@code pledge-events}, keyed and subjected by the appeal code, only when the projection changed
 * materially since the last one published (docs/forecast.md).
 */
public record ForecastProjectedV1(
    String appealCode,
    LocalDate asOf,
    LocalDate periodStart,
    LocalDate periodEnd,
    int monthsLeft,
    Money requirements,
    Money paidAsOf,
    Money expectedFunding,
    Money p10Funding,
    Money p50Funding,
    Money p90Funding,
    @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "10.51")
        BigDecimal p10CoveragePercent,
    @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "30.51")
        BigDecimal p50CoveragePercent,
    @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "30.51")
        BigDecimal p90CoveragePercent,
    String modelVersion,
    long seed,
    LocalDate occurredOn,
    Instant recordedAt)
    implements OutgoingEvent {

  public static final String TYPE = "org.jointappeal.forecast.projected.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String topic() {
    return "pledge-events";
  }

  @Override
  public String recordKey() {
    return appealCode;
  }

  @Override
  public String subject() {
    return appealCode;
  }
}
