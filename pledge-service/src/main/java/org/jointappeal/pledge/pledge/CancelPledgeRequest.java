package org.jointappeal.pledge.pledge;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CancelPledgeRequest(
    @Schema(example = "1997-08-15") @NotNull LocalDate cancelledOn,
    @Schema(example = "Funds redirected to the 1998 appeal") @Size(max = 300) String reason) {}
