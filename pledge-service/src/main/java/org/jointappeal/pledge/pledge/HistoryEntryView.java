package org.jointappeal.pledge.pledge;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record HistoryEntryView(
    @Schema(description = "The pledge's version after the change") long version,
    @Schema(example = "COMMITTED") String action,
    @Schema(description = "The token subject of whoever made the change") String by,
    @Schema(description = "When it was recorded (UTC)") Instant at,
    @Schema(description = "The business date of the fact") LocalDate occurredOn,
    @Schema(example = "agreement NOR-1997-014") String detail) {

  static HistoryEntryView of(PledgeHistoryEntry e) {
    return new HistoryEntryView(
        e.version(), e.action(), e.actor(), e.recordedAt(), e.occurredOn(), e.detail());
  }
}
