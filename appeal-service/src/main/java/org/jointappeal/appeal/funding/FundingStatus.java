package org.jointappeal.appeal.funding;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.money.Money;

/**
 * An appeal's funding the FTS way (funding = committed + paid; pledges apart; coverage = funding /
 * current requirements; unmet = max(0, requirements - funding)), per requirement line and, on
 * request, per group. Earmarked money counts at the level it is earmarked to; what cannot be placed
 * in a line or group is shown apart as not specified, never spread.
 */
public record FundingStatus(
    @Schema(example = "CIS-1997") String appealCode,
    @Schema(example = "1997-07-02", description = "The business date asked for; null = now")
        LocalDate asOf,
    @Schema(example = "1", description = "The revision in force; null before the launch")
        Integer revision,
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
            description = "funding / current requirements, in %; null without requirements")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal coveragePercent,
    Money unmet,
    @Schema(description = "Written off: left the figures, shown for information") Money writtenOff,
    List<LineFunding> requirementLines,
    @Schema(description = "Money not tightly earmarked to a line in force")
        GroupFunding requirementLinesNotSpecified,
    @Schema(example = "country") String groupBy,
    List<GroupFunding> groups,
    @Schema(description = "Money whose earmarking does not name this grouping's value")
        GroupFunding groupsNotSpecified) {

  /** The totals as the funding.changed.v1 event carries them. */
  FundingFigures figures() {
    return new FundingFigures(
        originalRequirements,
        currentRequirements,
        pledged,
        committed,
        paid,
        funding,
        coveragePercent,
        unmet);
  }
}
