package org.jointappeal.pledge.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One pledge's figures as of a business date, as known at an instant: only facts dated on or before
 * {@code asOf} and recorded at or before {@code knownAt} count, whatever order they were recorded
 * in. A pledge not yet announced (or not yet recorded) then does not exist; a cancelled one leaves
 * the view from its cancellation date.
 */
record PledgeAsOf(
    PledgeFacts pledge,
    String status,
    boolean committed,
    BigDecimal paid,
    BigDecimal paidUsd,
    BigDecimal outstanding,
    BigDecimal outstandingUsd,
    BigDecimal writtenOff,
    BigDecimal writtenOffUsd,
    BigDecimal gain,
    BigDecimal[] overdue,
    BigDecimal[] overdueUsd) {

  static Optional<PledgeAsOf> of(PledgeFacts p, LocalDate asOf, Instant knownAt) {
    if (p.announcedOn().isAfter(asOf) || p.recordedAt().isAfter(knownAt)) {
      return Optional.empty(); // did not exist yet, or nobody knew of it yet
    }
    if (p.cancelled() != null && p.cancelled().isIn(asOf, knownAt)) {
      return Optional.empty(); // withdrawn before any payment: nothing to reconcile
    }
    boolean committed = p.committed() != null && p.committed().isIn(asOf, knownAt);
    boolean writtenOff = p.writtenOff() != null && p.writtenOff().isIn(asOf, knownAt);

    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal paidUsd = BigDecimal.ZERO;
    BigDecimal gain = BigDecimal.ZERO;
    Map<Integer, BigDecimal> paidByInstalment = new HashMap<>();
    for (var a : p.allocations()) {
      if (!a.counts(asOf, knownAt)) {
        continue;
      }
      paidUsd = paidUsd.add(a.usd());
      gain = gain.add(a.gain());
      for (var share : a.instalmentShares().entrySet()) {
        paid = paid.add(share.getValue());
        paidByInstalment.merge(share.getKey(), share.getValue(), BigDecimal::add);
      }
    }

    BigDecimal writtenOffAmount = BigDecimal.ZERO;
    BigDecimal[] overdue = zeros();
    BigDecimal[] overdueUsd = zeros();
    for (var i : p.instalments()) {
      BigDecimal off = writtenOff ? i.writtenOff() : BigDecimal.ZERO;
      writtenOffAmount = writtenOffAmount.add(off);
      BigDecimal unpaid =
          i.amount()
              .subtract(paidByInstalment.getOrDefault(i.number(), BigDecimal.ZERO))
              .subtract(off);
      long daysPastDue = ChronoUnit.DAYS.between(i.dueOn(), asOf);
      // only a signed commitment owes money on a schedule; day 0 (the due date) is not overdue
      if (committed && unpaid.signum() > 0 && daysPastDue > 0) {
        int bucket = Ledger.bucket(daysPastDue);
        overdue[bucket] = overdue[bucket].add(unpaid);
        overdueUsd[bucket] = overdueUsd[bucket].add(usd(unpaid, p));
      }
    }
    BigDecimal outstanding =
        committed ? p.amount().subtract(paid).subtract(writtenOffAmount) : BigDecimal.ZERO;
    String status;
    if (writtenOff) {
      status = "WRITTEN_OFF";
    } else if (paid.signum() > 0) {
      status = paid.compareTo(p.amount()) == 0 ? "PAID" : "PARTIALLY_PAID";
    } else {
      status = committed ? "COMMITTED" : "ANNOUNCED";
    }
    return Optional.of(
        new PledgeAsOf(
            p,
            status,
            committed,
            paid,
            paidUsd,
            outstanding,
            usd(outstanding, p),
            writtenOffAmount,
            writtenOff ? p.writtenOffUsd() : BigDecimal.ZERO,
            gain,
            overdue,
            overdueUsd));
  }

  /** At the pledge's own rate, half-even to cents once (USD is its own value). */
  private static BigDecimal usd(BigDecimal amount, PledgeFacts p) {
    if ("USD".equals(p.currency())) {
      return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
    return amount.divide(p.unitsPerUsd(), 2, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal[] zeros() {
    return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
  }
}
