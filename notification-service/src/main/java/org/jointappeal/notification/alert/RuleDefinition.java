package org.jointappeal.notification.alert;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.notification.StrictDecimal;

/**
 * The body of POST and PUT /alert-rules: a rule as a whole. Which parameters a kind needs, and
 * which it refuses, is checked by the rule itself (422 {@code invalid-rule-parameters}).
 */
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
                "Extra labels, part of each alert's identity; 'severity' (info, warning or"
                    + " critical; default warning) is the usual one. The labels the engine sets"
                    + " ('rule', 'kind', 'appeal', 'donor', 'level' and the other scope labels) are"
                    + " refused (422 reserved-label). Values: letters, digits, '.', '_', ':', '-'",
            example = "{\"severity\":\"warning\"}")
        Map<
                @NotNull @Pattern(regexp = "[a-z][a-zA-Z0-9_]{0,31}") String,
                @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}") String>
            labels,
    @DecimalMin("0.01")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 2)
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @JsonDeserialize(using = StrictDecimal.class)
        @Schema(
            type = SchemaType.STRING,
            example = "40.00",
            description =
                "FUNDING_GAP: coverage below this fires; PROJECTED_FUNDING_GAP: projected coverage"
                    + " at period end (p50) below this fires")
        BigDecimal thresholdPercent,
    @Schema(description = "Business date from which the rule fires; null for at once")
        LocalDate activeFrom,
    @DecimalMin("0.01")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 2)
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @JsonDeserialize(using = StrictDecimal.class)
        @Schema(
            type = SchemaType.STRING,
            example = "50.00",
            description = "FUNDING_GAP: fires only once this share of the appeal period has passed")
        BigDecimal fromPeriodSharePercent,
    @Pattern(regexp = "country|agency|sector|category|priority")
        @Schema(
            example = "priority",
            description = "FUNDING_GAP: one alert per line group of this dimension")
        String groupBy,
    @Size(min = 1, max = 64)
        @Schema(
            example = "NON_EMERGENCY",
            description = "FUNDING_GAP with groupBy: only this group")
        String groupValue,
    @Schema(
            example = "30",
            description =
                "OVERDUE_INSTALMENT: 30, 60 or 90: fires once an unpaid instalment is more than"
                    + " this many days past due (ageing bucket 31-60, 61-90, over 90)")
        Integer minDaysOverdue,
    @Schema(
            type = SchemaType.STRING,
            example = "P7D",
            description =
                "PLEDGE_CANCELLED, PLEDGE_WRITTEN_OFF, LARGE_PLEDGE: the alert resolves this long"
                    + " after the event")
        Duration resolveAfter,
    @DecimalMin("0.01")
        @Digits(integer = 15, fraction = 2)
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @JsonDeserialize(using = StrictDecimal.class)
        @Schema(
            type = SchemaType.STRING,
            example = "10000000.00",
            description = "LARGE_PLEDGE: a pledge worth at least this many USD fires")
        BigDecimal minAmountUsd,
    @Min(1)
        @Max(3650)
        @Schema(
            example = "14",
            description = "UNMATCHED_RECEIPT: days since the value date with money unallocated")
        Integer minDaysUnallocated,
    @Min(0)
        @Max(36)
        @Schema(
            example = "3",
            description =
                "PROJECTED_FUNDING_GAP: fires only while at least this many whole months of the"
                    + " appeal period are left at the projection's asOf")
        Integer minMonthsLeft) {}
