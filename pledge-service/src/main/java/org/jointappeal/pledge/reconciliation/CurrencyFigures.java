package org.jointappeal.pledge.reconciliation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.Money;

/** The figures in one original currency, exact to its minor units. */
public record CurrencyFigures(
    @Schema(example = "NOK") String currency,
    @Schema(description = "Every pledge not cancelled, announced or committed") Money pledged,
    @Schema(description = "Pledges with a signed agreement (committed, paid, written off)")
        Money committed,
    @Schema(description = "Money received (allocated receipts)") Money received,
    @Schema(description = "Committed, neither received nor written off") Money outstanding,
    Ageing overdue,
    Money writtenOff) {}
