package org.jointappeal.appeal.appeal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.money.MoneyRequest;

public record RequirementLineRequest(
    @Schema(
            description =
                "In a revision: the id of a current line this one restates (it keeps the money"
                    + " earmarked to it); absent for a new line. Ignored in drafts.")
        UUID lineId,
    @Schema(example = "GEO", description = "ISO 3166-1 alpha-3, or XRG for regional lines")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}")
        String country,
    @Schema(example = "UNHCR") @NotNull @Pattern(regexp = "[A-Z][A-Z0-9-]{1,31}") String agency,
    @NotNull Sector sector,
    @NotNull CategoryOfConcern category,
    @NotNull Priority priority,
    @Size(max = 500) String description,
    @NotNull @Valid MoneyRequest amount) {}
