package org.jointappeal.pledge.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation as of random dates (and known at random instants) against an oracle written apart
 * from the production code: the oracle keeps amounts as whole minor units (long), replays each
 * history's movements one by one into per-instalment balances, and ages by explicit day ranges.
 * Seeded: a failure names its seed and history, and reproduces.
 */
class ReconciliationAsOfPropertyTest {

  private static final long SEED = 19971130L;
  private static final int HISTORIES = 600;
  private static final LocalDate START = LocalDate.of(1997, 1, 1);
  private static final Instant T0 = Instant.parse("1997-01-01T00:00:00Z");

  /** A currency, its minor units and a pledge rate to value it at. */
  private record Currency(String code, int digits) {}

  private static final Currency[] CURRENCIES = {
    new Currency("USD", 2), new Currency("NOK", 2), new Currency("JPY", 0), new Currency("CHF", 2)
  };

  /** One movement of the oracle: what happened on a date, recorded at an instant. */
  private record Movement(
      String kind, LocalDate on, Instant recordedAt, int instalment, long minor, BigDecimal usd) {}

  /** A generated history: the production input and the oracle's own movements. */
  private record History(
      PledgeFacts facts,
      Currency currency,
      List<Movement> movements,
      Map<Integer, LocalDate> dues) {}

  @Test
  void reconciliationAsOfAnyDateMatchesTheOracle() {
    var random = new Random(SEED);
    int checked = 0;
    for (int n = 0; n < HISTORIES; n++) {
      var history = generate(random);
      for (int k = 0; k < 4; k++) {
        LocalDate asOf = START.plusDays(random.nextInt(600) - 30);
        Instant knownAt =
            random.nextInt(3) == 0 ? T0.plusSeconds(random.nextInt(400 * 86_400)) : Instant.MAX;
        var expected = oracle(history, asOf, knownAt);
        var actual = PledgeAsOf.of(history.facts(), asOf, knownAt);
        String where = "seed %d history %d asOf %s knownAt %s".formatted(SEED, n, asOf, knownAt);
        assertThat(actual.isPresent()).as("exists, " + where).isEqualTo(expected != null);
        if (expected == null) {
          continue;
        }
        var ledger = new Ledger();
        ledger.add(actual.get());
        var original = ledger.original().get(0);
        var usd = ledger.usd();
        assertThat(actual.get().status()).as("status, " + where).isEqualTo(expected.status);
        assertThat(minor(original.pledged().amount(), history))
            .as("pledged, " + where)
            .isEqualTo(expected.pledged);
        assertThat(minor(original.committed().amount(), history))
            .as("committed, " + where)
            .isEqualTo(expected.committed);
        assertThat(minor(original.received().amount(), history))
            .as("received, " + where)
            .isEqualTo(expected.paid);
        assertThat(minor(original.outstanding().amount(), history))
            .as("outstanding, " + where)
            .isEqualTo(expected.outstanding);
        assertThat(minor(original.writtenOff().amount(), history))
            .as("written off, " + where)
            .isEqualTo(expected.writtenOff);
        var ageing = original.overdue();
        assertThat(
                new long[] {
                  minor(ageing.days0To30().amount(), history),
                  minor(ageing.days31To60().amount(), history),
                  minor(ageing.days61To90().amount(), history),
                  minor(ageing.over90Days().amount(), history)
                })
            .as("ageing, " + where)
            .containsExactly(expected.ageing);
        assertThat(usd.received().amount())
            .as("paid USD, " + where)
            .isEqualByComparingTo(expected.paidUsd);
        assertThat(usd.exchangeGainLoss().amount())
            .as("gains, " + where)
            .isEqualByComparingTo(expected.gain);
        checked++;
      }
    }
    assertThat(checked).as("histories where the pledge existed").isGreaterThan(HISTORIES);
  }

  /** What the oracle expects; null: the pledge is not in the view. */
  private static final class Expected {
    String status;
    long pledged;
    long committed;
    long paid;
    long outstanding;
    long writtenOff;
    long[] ageing = new long[4];
    BigDecimal paidUsd = BigDecimal.ZERO;
    BigDecimal gain = BigDecimal.ZERO;
  }

  private static Expected oracle(History h, LocalDate asOf, Instant knownAt) {
    var facts = h.facts();
    long amount = minor(facts.amount(), h);
    boolean announced = false;
    boolean committed = false;
    boolean cancelled = false;
    boolean writtenOffFlag = false;
    Map<Integer, Long> owed = new HashMap<>(); // per instalment: amount still owed
    h.dues().keySet().forEach(i -> owed.put(i, 0L));
    var e = new Expected();
    for (var m : h.movements()) {
      boolean counts = !m.on().isAfter(asOf) && !m.recordedAt().isAfter(knownAt);
      if (!counts) {
        continue;
      }
      switch (m.kind()) {
        case "announce" -> announced = true;
        case "schedule" -> owed.merge(m.instalment(), m.minor(), Long::sum);
        case "commit" -> committed = true;
        case "cancel" -> cancelled = true;
        case "pay" -> {
          owed.merge(m.instalment(), -m.minor(), Long::sum);
          e.paid += m.minor();
        }
        case "pay-usd" -> e.paidUsd = e.paidUsd.add(m.usd());
        case "gain" -> e.gain = e.gain.add(m.usd());
        case "write-off" -> {
          owed.merge(m.instalment(), -m.minor(), Long::sum);
          e.writtenOff += m.minor();
          writtenOffFlag = true;
        }
        default -> throw new IllegalStateException(m.kind());
      }
    }
    if (!announced || cancelled) {
      return null;
    }
    e.pledged = amount;
    e.committed = committed ? amount : 0;
    e.outstanding = committed ? amount - e.paid - e.writtenOff : 0;
    if (committed) {
      for (var entry : owed.entrySet()) {
        long days = asOf.toEpochDay() - h.dues().get(entry.getKey()).toEpochDay();
        long unpaid = entry.getValue();
        if (unpaid <= 0 || days < 1) {
          continue;
        }
        int bucket = days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3;
        e.ageing[bucket] += unpaid;
      }
    }
    if (writtenOffFlag) {
      e.status = "WRITTEN_OFF";
    } else if (e.paid == amount) {
      e.status = "PAID";
    } else if (e.paid > 0) {
      e.status = "PARTIALLY_PAID";
    } else {
      e.status = committed ? "COMMITTED" : "ANNOUNCED";
    }
    return e;
  }

  private static History generate(Random random) {
    var currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
    BigDecimal rate =
        currency.code().equals("USD")
            ? BigDecimal.ONE
            : new BigDecimal(random.nextInt(9_000_000) + 100_000).movePointLeft(4);
    long amount = 100 + random.nextInt(5_000_000);
    LocalDate announcedOn = START.plusDays(random.nextInt(300));
    Instant announcedAt = at(announcedOn, random);
    var movements = new ArrayList<Movement>();
    movements.add(new Movement("announce", announcedOn, announcedAt, 0, 0, null));

    int count = 1 + random.nextInt(4);
    var dues = new HashMap<Integer, LocalDate>();
    var parts = new long[count + 1];
    long left = amount;
    var instalments = new ArrayList<PledgeFacts.InstalmentFact>();
    for (int i = 1; i <= count; i++) {
      parts[i] = i == count ? left : 1 + random.nextLong(Math.max(1, left - (count - i)));
      left -= parts[i];
      dues.put(i, announcedOn.plusDays(random.nextInt(200)));
      movements.add(new Movement("schedule", announcedOn, announcedAt, i, parts[i], null));
    }

    PledgeFacts.Dated committed = null;
    if (random.nextInt(10) < 8) {
      LocalDate on = announcedOn.plusDays(random.nextInt(60));
      committed = new PledgeFacts.Dated(on, at(on, random).plusSeconds(3_600));
      movements.add(new Movement("commit", on, committed.recordedAt(), 0, 0, null));
    }

    var owed = parts.clone();
    var allocations = new ArrayList<PledgeFacts.AllocationFact>();
    if (committed != null) {
      int payments = random.nextInt(4);
      for (int p = 0; p < payments; p++) {
        LocalDate valueDate = announcedOn.plusDays(random.nextInt(330) - 30);
        LocalDate paidOn = valueDate.isBefore(announcedOn) ? announcedOn : valueDate;
        Instant recordedAt = at(committed.on().plusDays(random.nextInt(200)), random);
        var shares = new HashMap<Integer, BigDecimal>();
        long total = 0;
        for (int i = 1; i <= count; i++) {
          if (owed[i] > 0 && random.nextBoolean()) {
            long share = 1 + random.nextLong(owed[i]);
            owed[i] -= share;
            total += share;
            shares.put(i, decimal(share, currency));
            movements.add(new Movement("pay", paidOn, recordedAt, i, share, null));
          }
        }
        if (total == 0) {
          continue;
        }
        BigDecimal usd = usd(decimal(total, currency), rate.add(BigDecimal.valueOf(p, 2)));
        BigDecimal gain = usd.subtract(usd(decimal(total, currency), rate));
        movements.add(new Movement("pay-usd", paidOn, recordedAt, 0, 0, usd));
        movements.add(new Movement("gain", paidOn, recordedAt, 0, 0, gain));
        allocations.add(new PledgeFacts.AllocationFact(paidOn, recordedAt, usd, gain, shares));
      }
    }

    PledgeFacts.Dated cancelled = null;
    PledgeFacts.Dated writtenOff = null;
    var writtenOffShares = new long[count + 1];
    long remaining = 0;
    for (int i = 1; i <= count; i++) {
      remaining += owed[i];
    }
    if (allocations.isEmpty() && random.nextInt(10) == 0) {
      LocalDate on = announcedOn.plusDays(random.nextInt(120));
      cancelled = new PledgeFacts.Dated(on, at(on, random));
      movements.add(new Movement("cancel", on, cancelled.recordedAt(), 0, 0, null));
    } else if (committed != null && remaining > 0 && random.nextInt(5) == 0) {
      LocalDate on = committed.on().plusDays(random.nextInt(200));
      writtenOff = new PledgeFacts.Dated(on, at(on, random));
      for (int i = 1; i <= count; i++) {
        writtenOffShares[i] = owed[i];
        if (owed[i] > 0) {
          movements.add(new Movement("write-off", on, writtenOff.recordedAt(), i, owed[i], null));
        }
      }
    }
    for (int i = 1; i <= count; i++) {
      instalments.add(
          new PledgeFacts.InstalmentFact(
              i, dues.get(i), decimal(parts[i], currency), decimal(writtenOffShares[i], currency)));
    }
    var facts =
        new PledgeFacts(
            UUID.randomUUID(),
            "CIS-1997",
            "NOR",
            currency.code(),
            decimal(amount, currency),
            usd(decimal(amount, currency), rate),
            rate,
            announcedOn,
            announcedAt,
            committed,
            cancelled,
            writtenOff,
            writtenOff == null
                ? BigDecimal.ZERO.setScale(2)
                : usd(decimal(remaining, currency), rate),
            List.copyOf(instalments),
            List.copyOf(allocations));
    return new History(facts, currency, List.copyOf(movements), dues);
  }

  /** Some time on that day or up to ten days later: recording often lags the business date. */
  private static Instant at(LocalDate on, Random random) {
    return T0.plusSeconds((on.toEpochDay() - START.toEpochDay()) * 86_400)
        .plusSeconds(random.nextInt(10 * 86_400));
  }

  private static BigDecimal decimal(long minor, Currency currency) {
    return BigDecimal.valueOf(minor, currency.digits());
  }

  private static long minor(BigDecimal amount, History h) {
    return amount.movePointRight(h.currency().digits()).longValueExact();
  }

  private static BigDecimal usd(BigDecimal amount, BigDecimal rate) {
    return amount.divide(rate, 2, RoundingMode.HALF_EVEN);
  }
}
