package org.jointappeal.pledge.pledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CommitPledgeRequest(
    @Schema(example = "NOR-UNHCR-IOM-1997-014") @NotBlank @Size(max = 100)
        String agreementReference,
    @Schema(example = "1997-09-15") @NotNull LocalDate signedOn) {}
