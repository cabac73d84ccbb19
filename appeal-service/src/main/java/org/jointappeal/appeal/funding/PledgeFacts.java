package org.jointappeal.appeal.funding;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One pledge's state as applied (the newest version, or the newest by a date), and what it adds to
 * the figures, FTS-style.
 */
record PledgeFacts(
    UUID pledgeId,
    String donorCode,
    String status,
    BigDecimal usdValue,
    BigDecimal paidUsd,
    BigDecimal outstandingUsd,
    BigDecimal writtenOffUsd,
    EarmarkingLevel level,
    String agency,
    String country,
    String sector,
    UUID lineId) {

  /**
   * ANNOUNCED is pledged (not funding); a commitment counts its outstanding amount at the pledge's
   * rate as committed and its receipts' USD values as paid; cancelled and written-off amounts leave
   * the figures. Absent fields (producers before they were added): a COMMITTED pledge is
   * outstanding in full, nothing is paid. A status this service does not know counts nothing.
   */
  Amounts amounts() {
    BigDecimal paid = paidUsd == null ? BigDecimal.ZERO : paidUsd;
    return switch (status) {
      case "ANNOUNCED" -> new Amounts(usdValue, BigDecimal.ZERO, BigDecimal.ZERO);
      case "COMMITTED" ->
          new Amounts(BigDecimal.ZERO, outstandingUsd == null ? usdValue : outstandingUsd, paid);
      case "PARTIALLY_PAID", "PAID", "WRITTEN_OFF" ->
          new Amounts(
              BigDecimal.ZERO, outstandingUsd == null ? BigDecimal.ZERO : outstandingUsd, paid);
      default -> Amounts.NONE;
    };
  }

  BigDecimal writtenOff() {
    return writtenOffUsd == null ? BigDecimal.ZERO : writtenOffUsd;
  }

  record Amounts(BigDecimal pledged, BigDecimal committed, BigDecimal paid) {
    static final Amounts NONE = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    Amounts plus(Amounts other) {
      return new Amounts(
          pledged.add(other.pledged), committed.add(other.committed), paid.add(other.paid));
    }
  }
}
