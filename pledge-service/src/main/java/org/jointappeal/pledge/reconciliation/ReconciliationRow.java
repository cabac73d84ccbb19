package org.jointappeal.pledge.reconciliation;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row: a donor's pledges to the appeal (appeal view: {@code pledgeId} and {@code pledgeStatus}
 * null), or one pledge of the donor (donor view).
 */
public record ReconciliationRow(
    @Schema(example = "CIS-1997") String appealCode,
    @Schema(example = "NOR") String donorCode,
    @Schema(example = "Norway") String donorName,
    @Schema(description = "Donor view only") UUID pledgeId,
    @Schema(description = "Donor view only", example = "PARTIALLY_PAID") String pledgeStatus,
    @Schema(description = "In the original currencies, one entry per currency, by code")
        List<CurrencyFigures> original,
    UsdFigures usd) {}
