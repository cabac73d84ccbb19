package org.jointappeal.pledge.reconciliation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.Money;

/** Overdue money by days past its due date, as of the view's {@code asOf} date. */
@Schema(description = "Overdue (unpaid, not written off, past due) by days past the due date")
public record Ageing(
    @Schema(description = "1 to 30 days past due") Money days0To30,
    @Schema(description = "31 to 60 days past due") Money days31To60,
    @Schema(description = "61 to 90 days past due") Money days61To90,
    @Schema(description = "more than 90 days past due") Money over90Days,
    @Schema(description = "the four buckets together") Money total) {}
