package org.jointappeal.appeal.appeal;

import java.util.UUID;
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

  static LineSpec of(RequirementLineRequest r) {
    return new LineSpec(
        r.lineId(),
        r.country(),
        r.agency(),
        r.sector(),
        r.category(),
        r.priority(),
        r.description(),
        r.amount().toMoney());
  }
}
