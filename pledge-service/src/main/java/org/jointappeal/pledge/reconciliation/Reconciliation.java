package org.jointappeal.pledge.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What was pledged, committed, received, is outstanding, overdue (aged) and written off, with the
 * realised exchange gains and losses: per appeal (rows per donor) or per donor (rows per pledge).
 */
public record Reconciliation(
    @Schema(description = "The appeal of an appeal view; null in a donor view") String appealCode,
    @Schema(description = "The donor of a donor view; null in an appeal view") String donorCode,
    @Schema(
            description =
                "The business date the figures are exact at (default: today): only what was"
                    + " dated on or before it counts, and overdue money is aged at it")
        LocalDate asOf,
    @Schema(
            description =
                "If asked for: only what was recorded at or before this instant counts (a report"
                    + " published then can be reproduced); null: everything recorded so far")
        Instant knownAt,
    List<ReconciliationRow> rows,
    Totals totals) {

  /** The rows together. */
  public record Totals(List<CurrencyFigures> original, UsdFigures usd) {}
}
