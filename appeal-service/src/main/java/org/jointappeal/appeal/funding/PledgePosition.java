package org.jointappeal.appeal.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jointappeal.appeal.events.PledgeEventV1.PledgeChanged;
import org.jointappeal.appeal.events.PledgeStateV1;
import org.jointappeal.appeal.money.Money;

/**
 * One version of a pledge as the ledger reads it: where its money is (pledged, committed, paid,
 * written off) in the pledge's currency, the paid USD pledge-service fixed from the receipts, and
 * the keys it counts under. The ledger's movements are the differences between consecutive
 * versions.
 */
record PledgePosition(
    UUID pledgeId,
    String appealCode,
    long version,
    String status,
    String currency,
    BigDecimal unitsPerUsd,
    LocalDate announcedOn,
    BigDecimal outstanding,
    BigDecimal paid,
    BigDecimal paidUsd,
    BigDecimal writtenOff,
    Keys keys,
    LocalDate occurredOn,
    Instant recordedAt,
    BigDecimal usdValue) {

  /** What a pledge's money counts under: its donor and its earmarking. */
  record Keys(
      String donorCode,
      EarmarkingLevel level,
      UUID lineId,
      String country,
      String agency,
      String sector) {}

  private static final int USD_SCALE = 2;

  /**
   * The state an event carried. Without the original-currency fields (producers before they were
   * added) the state is read in USD at rate 1: outstanding is {@code outstandingUsd} (absent:
   * {@code usdValue} while ANNOUNCED or COMMITTED, else 0), paid and written off their USD figures.
   */
  static PledgePosition of(PledgeChanged event, Instant fallbackRecordedAt) {
    PledgeStateV1 s = event.pledge();
    var e = s.earmarking();
    var keys =
        new Keys(
            s.donorCode(),
            EarmarkingLevel.parse(e == null ? null : e.level()),
            e == null ? null : e.requirementLineId(),
            e == null ? null : e.country(),
            e == null ? null : e.agency(),
            e == null ? null : e.sector());
    BigDecimal paidUsd = amountOr(s.paidUsd(), BigDecimal.ZERO);
    String currency;
    BigDecimal rate;
    BigDecimal outstanding;
    BigDecimal paid;
    BigDecimal writtenOff;
    if (s.outstanding() != null) {
      currency = s.amount().currency();
      rate = s.unitsPerUsd();
      outstanding = s.outstanding().amount();
      paid = amountOr(s.paid(), BigDecimal.ZERO);
      writtenOff = amountOr(s.writtenOff(), BigDecimal.ZERO);
    } else {
      currency = "USD";
      rate = BigDecimal.ONE;
      boolean whole = s.status().equals("ANNOUNCED") || s.status().equals("COMMITTED");
      outstanding = amountOr(s.outstandingUsd(), whole ? s.usdValue().amount() : BigDecimal.ZERO);
      paid = paidUsd;
      writtenOff = amountOr(s.writtenOffUsd(), BigDecimal.ZERO);
    }
    return new PledgePosition(
        s.pledgeId(),
        event.appealCode(),
        s.version(),
        s.status(),
        currency,
        rate,
        s.announcedOn() == null ? event.occurredOn() : s.announcedOn(),
        outstanding,
        paid,
        paidUsd,
        writtenOff,
        keys,
        event.occurredOn(),
        event.recordedAt() == null ? fallbackRecordedAt : event.recordedAt(),
        s.usdValue().amount());
  }

  /** ANNOUNCED: the outstanding amount is pledged (not funding). */
  BigDecimal pledged() {
    return status.equals("ANNOUNCED") ? outstanding : BigDecimal.ZERO;
  }

  /** A commitment (partly paid or not, or written off) counts its outstanding amount. */
  BigDecimal committed() {
    return binding() ? outstanding : BigDecimal.ZERO;
  }

  /** Paid counts while the pledge is binding; a cancelled pledge was never paid. */
  BigDecimal paidCounted() {
    return binding() ? paid : BigDecimal.ZERO;
  }

  BigDecimal paidUsdCounted() {
    return binding() ? paidUsd : BigDecimal.ZERO;
  }

  /** What left the other buckets when the pledge was cancelled: not reported, kept for audit. */
  BigDecimal cancelled() {
    return status.equals("CANCELLED") ? outstanding : BigDecimal.ZERO;
  }

  private boolean binding() {
    return switch (status) {
      case "COMMITTED", "PARTIALLY_PAID", "PAID", "WRITTEN_OFF" -> true;
      default -> false;
    };
  }

  /** What the pledge adds to today's figures: each bucket at its rate, rounded once per pledge. */
  Counted counted() {
    return new Counted(
        usd(pledged(), unitsPerUsd),
        usd(committed(), unitsPerUsd),
        paidUsdCounted(),
        usd(writtenOff, unitsPerUsd));
  }

  /** Whether money moves key (donor, earmarking) or rate between the two versions. */
  boolean countsLike(PledgePosition other) {
    return keys.equals(other.keys)
        && currency.equals(other.currency)
        && unitsPerUsd.compareTo(other.unitsPerUsd) == 0;
  }

  /** An amount in the pledge's currency at its rate: HALF_EVEN to cents, once. */
  static BigDecimal usd(BigDecimal amount, BigDecimal unitsPerUsd) {
    return amount.divide(unitsPerUsd, USD_SCALE, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal amountOr(Money money, BigDecimal absent) {
    return money == null ? absent : money.amount();
  }

  /** USD amounts per bucket, as they add to figures. */
  record Counted(BigDecimal pledged, BigDecimal committed, BigDecimal paid, BigDecimal writtenOff) {
    static final Counted NONE =
        new Counted(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    Counted plus(Counted o) {
      return new Counted(
          pledged.add(o.pledged),
          committed.add(o.committed),
          paid.add(o.paid),
          writtenOff.add(o.writtenOff));
    }

    Counted negate() {
      return new Counted(pledged.negate(), committed.negate(), paid.negate(), writtenOff.negate());
    }
  }
}
