package org.jointappeal.pledge.pledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Writes off the pledge's whole outstanding remainder. */
public record WriteOffRequest(
    @Schema(example = "Donor confirmed in writing that the balance will not be paid")
        @NotBlank
        @Size(max = 300)
        String reason,
    @Schema(example = "1998-03-31") @NotNull LocalDate writtenOffOn) {}
