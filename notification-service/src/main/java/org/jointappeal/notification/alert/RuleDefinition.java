package org.jointappeal.notification.alert;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST and PUT /alert-rules: a rule as a whole. */
public record RuleDefinition(
    @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") @Schema(example = "geo-gap-40")
        String name,
    @NotBlank @Size(max = 200) @Schema(example = "GEO-1997 coverage below 40 %") String description,
    @NotNull @Schema(example = "FUNDING_GAP") RuleKind kind,
    @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}")
        @Schema(description = "The appeal watched; null for every appeal", example = "GEO-1997")
        String appealCode,
    @NotNull
        @Size(max = 10)
        @Schema(
            description =
                "Extra labels, part of each alert's identity; 'rule' and 'appeal' are set by the"
                    + " service",
            example = "{\"severity\":\"warning\"}")
        Map<
                @NotNull @Pattern(regexp = "[a-z][a-zA-Z0-9_]{0,31}") String,
                @NotNull @Size(min = 1, max = 64) String>
            labels,
    @NotNull
        @DecimalMin("0.01")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 2)
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(example = "40.00")
        BigDecimal thresholdPercent,
    @Schema(description = "Business date from which the rule fires; null for at once")
        LocalDate activeFrom) {}
