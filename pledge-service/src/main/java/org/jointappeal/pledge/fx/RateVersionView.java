package org.jointappeal.pledge.fx;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a rate: who recorded or corrected it, when, from what, and why. */
public record RateVersionView(
    @Schema(example = "NOK") String currency,
    @Schema(example = "1997-07-01") LocalDate effectiveFrom,
    @Schema(example = "2") int version,
    @Schema(type = SchemaType.STRING, example = "7.46") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal unitsPerUsd,
    @Schema(
            type = SchemaType.STRING,
            example = "7.64",
            description = "The value this version replaced; null for the first")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal previousUnitsPerUsd,
    @Schema(example = "UN Treasury corrected a typing error") String reason,
    @Schema(description = "The token subject of whoever recorded it") String recordedBy,
    Instant recordedAt) {

  static RateVersionView of(UnoreRateVersion v) {
    return new RateVersionView(
        v.currency(),
        v.effectiveFrom(),
        v.version(),
        v.unitsPerUsd().stripTrailingZeros(),
        v.previousUnitsPerUsd() == null ? null : v.previousUnitsPerUsd().stripTrailingZeros(),
        v.reason(),
        v.recordedBy(),
        v.recordedAt());
  }
}
