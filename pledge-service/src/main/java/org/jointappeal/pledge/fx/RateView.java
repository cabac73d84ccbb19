package org.jointappeal.pledge.fx;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RateView(
    @Schema(example = "NOK") String currency,
    @Schema(example = "1997-07-01") LocalDate effectiveFrom,
    @Schema(type = SchemaType.STRING, example = "7.46") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal unitsPerUsd) {

  static RateView of(UnoreRate rate) {
    return new RateView(
        rate.currency(), rate.effectiveFrom(), rate.unitsPerUsd().stripTrailingZeros());
  }
}
