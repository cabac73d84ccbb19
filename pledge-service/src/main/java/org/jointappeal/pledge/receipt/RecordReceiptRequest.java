package org.jointappeal.pledge.receipt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.MoneyRequest;

/** Money received, as a finance officer records it from the bank's advice. */
public record RecordReceiptRequest(
    @Schema(example = "NOR") @NotNull @Pattern(regexp = "[A-Z]{3}") String donorCode,
    @NotNull @Valid MoneyRequest amount,
    @Schema(
            description = "When the funds were available: the UNORE in force on it values them",
            example = "1997-10-15")
        @NotNull
        LocalDate valueDate,
    @Schema(example = "NDEA-19971015-0042") @NotBlank @Size(max = 100) String bankReference,
    @Schema(example = "Contribution CIS Programme of Action 1997") @Size(max = 500)
        String remittanceText) {}
