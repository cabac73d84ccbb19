package org.jointappeal.pledge.bankstatement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finance officer names the donor of an unidentified credit; its receipt is then recorded. */
public record AssignDonorRequest(
    @Schema(example = "NOR") @NotNull @Pattern(regexp = "[A-Z]{3}") String donorCode) {}
