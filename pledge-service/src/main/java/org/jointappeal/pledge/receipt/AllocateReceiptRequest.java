package org.jointappeal.pledge.receipt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.MoneyRequest;

/**
 * Applies (part of) a receipt to a pledge of the same donor, in the same currency: to one
 * instalment when {@code instalmentNumber} is given, otherwise over the pledge's instalments in
 * due-date order.
 */
public record AllocateReceiptRequest(
    @NotNull UUID pledgeId,
    @NotNull @Valid MoneyRequest amount,
    @Schema(description = "Only this instalment; absent: the instalments in due-date order")
        @Positive
        Integer instalmentNumber) {}
