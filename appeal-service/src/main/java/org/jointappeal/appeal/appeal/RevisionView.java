package org.jointappeal.appeal.appeal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.money.Money;

/** One revision of a launched appeal, with the full set of lines it stated. */
public record RevisionView(
    @Schema(example = "1", description = "0 is the original (the lines at launch)") int number,
    @Schema(example = "Mid-year review") String reason,
    @Schema(example = "1997-07-15") LocalDate effectiveOn,
    Instant recordedAt,
    @Schema(description = "The token subject of who recorded it") String recordedBy,
    Money requirements,
    List<AppealView.Line> requirementLines) {

  static RevisionView of(AppealRevision r) {
    return new RevisionView(
        r.number(),
        r.reason(),
        r.effectiveOn(),
        r.recordedAt(),
        r.recordedBy(),
        r.requirements(),
        r.lines().stream()
            .map(
                l ->
                    new AppealView.Line(
                        l.lineId(),
                        l.terms().country(),
                        l.terms().agency(),
                        l.terms().sector(),
                        l.terms().category(),
                        l.terms().priority(),
                        l.terms().description(),
                        l.terms().amount()))
            .toList());
  }
}
