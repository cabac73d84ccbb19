package org.jointappeal.appeal.appeal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A revision: the full new set of lines, why, and from which business date it is in force. */
public record ReviseAppealRequest(
    @Schema(example = "Mid-year review: Tajikistan returnee programme expanded")
        @NotBlank
        @Size(max = 1000)
        String reason,
    @Schema(example = "1997-07-15") @NotNull LocalDate effectiveOn,
    @NotEmpty @Size(max = 500) List<@NotNull @Valid RequirementLineRequest> requirementLines) {}
