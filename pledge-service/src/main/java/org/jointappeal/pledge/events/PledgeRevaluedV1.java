package org.jointappeal.pledge.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.pledge.money.Money;

/**
 * {@code org.jointappeal.pledge.revalued.v1}: a finance officer re-valued the pledge at the rate
 * now on file for its announcement date (the rate was corrected after the pledge was valued). It
 * occurred on the re-valuation date: figures as of earlier dates keep the previous value.
 */
public record PledgeRevaluedV1(
    String appealCode,
    PledgeStateV1 pledge,
    LocalDate occurredOn,
    Instant recordedAt,
    Money previousUsdValue,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal previousUnitsPerUsd,
    String reason)
    implements PledgeEvent {

  public static final String TYPE = "org.jointappeal.pledge.revalued.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
