package org.jointappeal.appeal.appeal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A draft restated as a whole (PUT): everything but its code. */
public record UpdateAppealRequest(
    @Schema(example = "CIS Conference follow-up: UNHCR/IOM joint appeal 1997")
        @NotBlank
        @Size(max = 300)
        String title,
    @Schema(example = "[\"UNHCR\", \"IOM\"]") @NotEmpty @Size(max = 10)
        List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9-]{1,31}") String> agencies,
    @Schema(example = "1997-01-01") @NotNull LocalDate periodStart,
    @Schema(example = "1997-12-31") @NotNull LocalDate periodEnd,
    @Size(max = 4000) String description,
    @NotNull @Size(max = 500) List<@NotNull @Valid RequirementLineRequest> requirementLines) {}
