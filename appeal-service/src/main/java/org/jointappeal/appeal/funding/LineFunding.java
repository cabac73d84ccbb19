package org.jointappeal.appeal.funding;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.money.Money;

/** One requirement line's figures: only money tightly earmarked to it counts here. */
public record LineFunding(
    UUID lineId,
    @Schema(example = "GEO") String country,
    @Schema(example = "UNHCR") String agency,
    @Schema(example = "EMERGENCY_ASSISTANCE") String sector,
    @Schema(example = "INTERNALLY_DISPLACED_PERSONS") String category,
    @Schema(example = "EMERGENCY") String priority,
    Money currentRequirements,
    Money pledged,
    Money committed,
    Money paid,
    Money funding,
    @Schema(type = SchemaType.STRING, example = "41.27")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal coveragePercent,
    Money unmet) {

  static LineFunding of(RequirementFacts line, GroupFunding f) {
    return new LineFunding(
        line.lineId(),
        line.country(),
        line.agency(),
        line.sector(),
        line.category(),
        line.priority(),
        f.currentRequirements(),
        f.pledged(),
        f.committed(),
        f.paid(),
        f.funding(),
        f.coveragePercent(),
        f.unmet());
  }
}
