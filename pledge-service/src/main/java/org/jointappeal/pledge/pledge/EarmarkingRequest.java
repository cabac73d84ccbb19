package org.jointappeal.pledge.pledge;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the money may go. SOFTLY_EARMARKED: agency and/or country; EARMARKED: country and sector
 * (and an agency, if the donor says so); TIGHTLY_EARMARKED: requirementLineId only. Every target
 * must exist among the appeal's requirement lines.
 */
public record EarmarkingRequest(
    @NotNull EarmarkingLevel level,
    @Schema(example = "UNHCR") @Pattern(regexp = "[A-Z][A-Z0-9-]{1,31}") String agency,
    @Schema(example = "GEO") @Pattern(regexp = "[A-Z]{3}") String country,
    @Schema(example = "PROTECTION") @Pattern(regexp = "[A-Z][A-Z_]{1,39}") String sector,
    UUID requirementLineId) {

  public static final EarmarkingRequest UNEARMARKED =
      new EarmarkingRequest(EarmarkingLevel.UNEARMARKED, null, null, null, null);
}
