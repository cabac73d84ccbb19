package org.jointappeal.pledge.pledge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.MoneyRequest;

public record AnnouncePledgeRequest(
    @Schema(example = "CIS-1997") @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}")
        String appealCode,
    @Schema(
            example = "NOR",
            description =
                "Finance officers name the donor; a donor may omit it (its token decides)")
        @Pattern(regexp = "[A-Z]{3}")
        String donorCode,
    @NotNull @Valid MoneyRequest amount,
    @Schema(example = "1997-07-02") @NotNull LocalDate announcedOn,
    @Schema(example = "Steering Group, Geneva, 2 July 1997") @Size(max = 300) String occasion) {}
