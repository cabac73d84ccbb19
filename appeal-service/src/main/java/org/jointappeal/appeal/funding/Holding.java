package org.jointappeal.appeal.funding;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Money counted under one key (donor and earmarking) of an appeal, in USD: today's running totals,
 * or the ledger's movements summed by a date. FTS-style: pledged is not funding; funding =
 * committed + paid; written-off money left the figures and is shown for information.
 */
record Holding(PledgePosition.Keys keys, PledgePosition.Counted counted) {

  String donorCode() {
    return keys.donorCode();
  }

  EarmarkingLevel level() {
    return keys.level();
  }

  UUID lineId() {
    return keys.lineId();
  }

  String country() {
    return keys.country();
  }

  String agency() {
    return keys.agency();
  }

  String sector() {
    return keys.sector();
  }

  Amounts amounts() {
    return new Amounts(counted.pledged(), counted.committed(), counted.paid());
  }

  BigDecimal writtenOff() {
    return counted.writtenOff();
  }

  record Amounts(BigDecimal pledged, BigDecimal committed, BigDecimal paid) {
    static final Amounts NONE = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    Amounts plus(Amounts other) {
      return new Amounts(
          pledged.add(other.pledged), committed.add(other.committed), paid.add(other.paid));
    }
  }
}
