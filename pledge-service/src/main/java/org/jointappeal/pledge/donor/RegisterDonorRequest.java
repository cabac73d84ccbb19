package org.jointappeal.pledge.donor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RegisterDonorRequest(
    @Schema(
            example = "NOR",
            description =
                "ISO 3166-1 alpha-3 for a State; a user-assigned X.. code for an organisation")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}")
        String code,
    @Schema(example = "Norway") @NotBlank @Size(max = 200) String name,
    @NotNull DonorKind kind,
    @Schema(example = "[\"NO9386011117947\"]") @Size(max = 20)
        List<@NotBlank @Size(max = 42) String> ibans,
    @Schema(
            description =
                "Accounts that are not IBANs (US routing + account, BBAN, Zengin...): camt.053"
                    + " DbtrAcct/Id/Othr/Id and its scheme")
        @Size(max = 20)
        List<@NotNull @Valid PayerAccountRequest> accounts) {}
