package org.jointappeal.pledge.donor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The donor's name and its complete list of IBANs (the list replaces the one held), and of other
 * accounts (replaced when given, kept when absent).
 */
public record ReviseDonorRequest(
    @Schema(example = "Norway") @NotBlank @Size(max = 200) String name,
    @NotNull @Size(max = 20) List<@NotBlank @Size(max = 42) String> ibans,
    @Size(max = 20) List<@NotNull @Valid PayerAccountRequest> accounts) {}
