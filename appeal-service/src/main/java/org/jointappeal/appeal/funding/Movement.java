package org.jointappeal.appeal.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Money of one pledge moving from one bucket to another on a business date, as the platform learned
 * it at an instant. {@code amount} is in the pledge's currency; {@code usd} is set where the USD
 * value is fixed by the event (money entering or leaving paid: the receipts' USD values), null
 * where it is the amount at the pledge's rate (converted once per pledge when figures are summed).
 * A null bucket is outside the pledge.
 */
record Movement(
    UUID pledgeId,
    long pledgeVersion,
    String appealCode,
    LocalDate businessDate,
    Instant recordedAt,
    Bucket from,
    Bucket to,
    BigDecimal amount,
    String currency,
    BigDecimal unitsPerUsd,
    BigDecimal usd,
    PledgePosition.Keys keys) {

  enum Bucket {
    PLEDGED,
    COMMITTED,
    PAID,
    WRITTEN_OFF,
    CANCELLED
  }

  /** Where money leaves from first, and where it goes first: pledged → committed → paid. */
  private static final Bucket[] LEAVING = {
    Bucket.PLEDGED, Bucket.COMMITTED, Bucket.PAID, Bucket.WRITTEN_OFF, Bucket.CANCELLED
  };

  private static final Bucket[] ENTERING = {
    Bucket.COMMITTED, Bucket.PAID, Bucket.WRITTEN_OFF, Bucket.CANCELLED, Bucket.PLEDGED
  };

  /**
   * The movements from one version of a pledge to the next (the first: from nothing). Dated with
   * the event's business date; money received before its pledge existed counts from the
   * announcement date (domain.md). If the pledge's keys or rate changed, all its money leaves the
   * old ones and enters the new ones on that date.
   */
  static List<Movement> between(PledgePosition before, PledgePosition after) {
    var moves = new ArrayList<Movement>();
    LocalDate date = after.occurredOn();
    BigDecimal paidBefore = before == null ? BigDecimal.ZERO : before.paidUsdCounted();
    if (after.paidUsdCounted().compareTo(paidBefore) > 0 && after.announcedOn().isAfter(date)) {
      date = after.announcedOn();
    }
    if (before != null && !before.countsLike(after)) {
      pair(moves, before, amounts(before), zero(), before.paidUsdCounted().negate(), date, after);
      pair(moves, after, zero(), amounts(after), after.paidUsdCounted(), date, after);
      return moves;
    }
    pair(
        moves,
        after,
        before == null ? zero() : amounts(before),
        amounts(after),
        after.paidUsdCounted().subtract(paidBefore),
        date,
        after);
    return moves;
  }

  private static BigDecimal[] zero() {
    var none = new BigDecimal[Bucket.values().length];
    Arrays.fill(none, BigDecimal.ZERO);
    return none;
  }

  private static BigDecimal[] amounts(PledgePosition p) {
    var a = new BigDecimal[Bucket.values().length];
    a[Bucket.PLEDGED.ordinal()] = p.pledged();
    a[Bucket.COMMITTED.ordinal()] = p.committed();
    a[Bucket.PAID.ordinal()] = p.paidCounted();
    a[Bucket.WRITTEN_OFF.ordinal()] = p.writtenOff();
    a[Bucket.CANCELLED.ordinal()] = p.cancelled();
    return a;
  }

  /**
   * Pairs what left a bucket with what entered another, in the order of LEAVING and ENTERING; what
   * is left over comes from, or goes to, outside. The paid USD change rides on the first movement
   * that touches paid.
   */
  private static void pair(
      List<Movement> moves,
      PledgePosition keysOf,
      BigDecimal[] before,
      BigDecimal[] after,
      BigDecimal paidUsdChange,
      LocalDate date,
      PledgePosition event) {
    var left = new BigDecimal[before.length];
    var entered = new BigDecimal[before.length];
    for (int i = 0; i < before.length; i++) {
      BigDecimal d = after[i].subtract(before[i]);
      left[i] = d.signum() < 0 ? d.negate() : BigDecimal.ZERO;
      entered[i] = d.signum() > 0 ? d : BigDecimal.ZERO;
    }
    var usdLeft = new BigDecimal[] {paidUsdChange};
    int from = 0;
    int to = 0;
    while (from < LEAVING.length && to < ENTERING.length) {
      Bucket f = LEAVING[from];
      Bucket t = ENTERING[to];
      if (left[f.ordinal()].signum() == 0) {
        from++;
      } else if (entered[t.ordinal()].signum() == 0) {
        to++;
      } else {
        BigDecimal m = left[f.ordinal()].min(entered[t.ordinal()]);
        moves.add(move(keysOf, event, date, f, t, m, usdLeft));
        left[f.ordinal()] = left[f.ordinal()].subtract(m);
        entered[t.ordinal()] = entered[t.ordinal()].subtract(m);
      }
    }
    for (Bucket f : LEAVING) {
      if (left[f.ordinal()].signum() > 0) {
        moves.add(move(keysOf, event, date, f, null, left[f.ordinal()], usdLeft));
      }
    }
    for (Bucket t : ENTERING) {
      if (entered[t.ordinal()].signum() > 0) {
        moves.add(move(keysOf, event, date, null, t, entered[t.ordinal()], usdLeft));
      }
    }
    if (usdLeft[0].signum() != 0) {
      // paid USD changed with no original amount moving (a correction of a receipt's value)
      moves.add(move(keysOf, event, date, null, Bucket.PAID, BigDecimal.ZERO, usdLeft));
    }
  }

  private static Movement move(
      PledgePosition keysOf,
      PledgePosition event,
      LocalDate date,
      Bucket from,
      Bucket to,
      BigDecimal amount,
      BigDecimal[] usdLeft) {
    BigDecimal usd = null;
    if (to == Bucket.PAID) {
      usd = usdLeft[0];
      usdLeft[0] = BigDecimal.ZERO;
    } else if (from == Bucket.PAID) {
      usd = usdLeft[0].negate();
      usdLeft[0] = BigDecimal.ZERO;
    }
    return new Movement(
        event.pledgeId(),
        event.version(),
        event.appealCode(),
        date,
        event.recordedAt(),
        from,
        to,
        amount,
        keysOf.currency(),
        keysOf.unitsPerUsd(),
        usd,
        keysOf.keys());
  }
}
