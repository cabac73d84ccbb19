package org.jointappeal.pledge.fx;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RecordRateRequest(
    @Schema(type = SchemaType.STRING, example = "7.46")
        @NotNull
        @Positive
        @Digits(integer = 12, fraction = 6)
        BigDecimal unitsPerUsd) {}
