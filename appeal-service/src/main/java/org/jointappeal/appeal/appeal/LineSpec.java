package org.jointappeal.appeal.appeal;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jointappeal.appeal.money.Money;

/** One requirement line as a command states it; {@code lineId} names a current line to keep. */
record LineSpec(
    UUID lineId,
    String country,
    String agency,
    Sector sector,
    CategoryOfConcern category,
    Priority priority,
    String description,
    Money amount) {

  LineTerms terms() {
    return new LineTerms(country, agency, sector, category, priority, description, amount);
  }

  /** The lines in request order; a line's amount is named by its index when a money rule fails. */
  static List<LineSpec> all(List<RequirementLineRequest> lines) {
    return IntStream.range(0, lines.size()).mapToObj(i -> of(lines.get(i), i)).toList();
  }

  static LineSpec of(RequirementLineRequest r, int index) {
    return new LineSpec(
        r.lineId(),
        r.country(),
        r.agency(),
        r.sector(),
        r.category(),
        r.priority(),
        r.description(),
        r.amount().toMoney("requirementLines[" + index + "].amount"));
  }
}
