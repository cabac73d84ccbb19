package org.jointappeal.pledge.pledge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.MoneyRequest;

/** One scheduled part of a pledge, in the pledge's currency. */
public record InstalmentRequest(
    @Schema(example = "1997-09-30") @NotNull LocalDate dueOn,
    @NotNull @Valid MoneyRequest amount) {}
