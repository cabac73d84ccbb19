package org.jointappeal.appeal.appeal;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of an appeal's audit trail. */
public record AppealHistoryEntry(
    @Schema(example = "1997-07-15T09:30:00Z") Instant at,
    @Schema(example = "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b", description = "The token's subject")
        String actor,
    @Schema(
            example = "REVISED",
            enumeration = {"CREATED", "UPDATED", "LAUNCHED", "REVISED", "CLOSED"})
        String action,
    @Schema(example = "2") long appealVersion,
    @Schema(
            example =
                "revision 1 effective 1997-07-15: Mid-year review; requirements 1100000.00 USD")
        String detail) {

  static AppealHistoryEntry of(AppealAudit a) {
    return new AppealHistoryEntry(a.at(), a.actor(), a.action(), a.appealVersion(), a.detail());
  }
}
