package org.jointappeal.pledge.fx;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RateView(
    @Schema(example = "NOK") String currency,
    @Schema(example = "1997-07-01") LocalDate effectiveFrom,
    @Schema(type = SchemaType.STRING, example = "7.46") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal unitsPerUsd,
    @Schema(description = "1 as first recorded; each correction adds one", example = "1")
        int version,
    @Schema(description = "When this version was recorded") Instant recordedAt) {

  static RateView of(UnoreRate rate) {
    return new RateView(
        rate.currency(),
        rate.effectiveFrom(),
        rate.unitsPerUsd().stripTrailingZeros(),
        rate.version(),
        rate.recordedAt());
  }

  static RateView of(UnoreRateVersion version) {
    return new RateView(
        version.currency(),
        version.effectiveFrom(),
        version.unitsPerUsd().stripTrailingZeros(),
        version.version(),
        version.recordedAt());
  }
}
