package org.jointappeal.appeal.funding;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.money.Money;

/**
 * An appeal's funding the FTS way: funding = committed + paid; pledges are shown apart and are not
 * funding; coverage = funding / current requirements; unmet = max(0, requirements - funding).
 */
public record FundingFigures(
    Money originalRequirements,
    Money currentRequirements,
    @Schema(description = "Announced, not yet committed: reported apart, not funding")
        Money pledged,
    @Schema(description = "Committed, not yet paid") Money committed,
    Money paid,
    @Schema(description = "committed + paid") Money funding,
    @Schema(
            type = SchemaType.STRING,
            example = "41.27",
            description = "funding / current requirements, in %")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal coveragePercent,
    Money unmet) {}
