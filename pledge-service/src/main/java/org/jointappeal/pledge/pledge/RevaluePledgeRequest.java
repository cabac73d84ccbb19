package org.jointappeal.pledge.pledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finance officer's request to value a pledge again at the rate now on file. */
public record RevaluePledgeRequest(
    @Schema(
            example = "1997-08-20",
            description =
                "The business date of the re-valuation: earlier figures keep the old value")
        @NotNull
        LocalDate revaluedOn,
    @Schema(example = "UNORE for NOK of July 1997 corrected by the UN Treasury")
        @NotBlank
        @Size(max = 300)
        String reason) {}
