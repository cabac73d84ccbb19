package org.jointappeal.appeal.funding;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.jointappeal.appeal.Appeals;
import org.jointappeal.appeal.StackResource;
import org.jointappeal.appeal.TestClock;
import org.jointappeal.appeal.appeal.AppealFixtures;
import org.jointappeal.appeal.appeal.AppealService;
import org.jointappeal.appeal.appeal.CategoryOfConcern;
import org.jointappeal.appeal.appeal.Priority;
import org.jointappeal.appeal.appeal.RequirementLineRequest;
import org.jointappeal.appeal.appeal.ReviseAppealRequest;
import org.jointappeal.appeal.appeal.Sector;
import org.jointappeal.appeal.events.PledgeEventV1.PledgeChanged;
import org.jointappeal.appeal.events.PledgeStateV1;
import org.jointappeal.appeal.money.Money;
import org.jointappeal.appeal.money.MoneyRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2 of issue #15: random pledge histories (several currencies, commitments, receipts
 * with random value dates recorded in random order, receipts split over two allocations,
 * write-offs, cancellations, revisions, some effective after today) go through the service method
 * the pledge-events consumer calls, in random batches, with redeliveries and now and then two
 * versions of a pledge arriving swapped. For random asOf and knownAt, the figures (totals, lines
 * and every grouping) equal an oracle computed here, independently, from the simulated
 * pledge-service history, to the cent; and every grouping plus "not specified" adds up to the
 * totals. A failure names its seed: rerun one with -Dledger.seed=N.
 */
@QuarkusTest
@StackResource
class FundingLedgerPropertyTest {

  private static final int HISTORIES = Integer.getInteger("ledger.histories", 500);
  private static final LocalDate LAUNCHED_ON = LocalDate.parse("1997-01-10");
  private static final Instant LAUNCHED_AT = Instant.parse("1997-01-10T08:00:00Z");
  private static final LocalDate TODAY = LocalDate.parse("1997-12-15");
  private static final String[] DONORS = {"NOR", "SWE", "CHE", "JPN", "USA"};

  /** A currency, its minor units and the UNORE rates a pledge or receipt may be valued at. */
  private record Currency(String code, int scale, String[] rates) {}

  private static final Currency[] CURRENCIES = {
    new Currency("USD", 2, new String[] {"1"}),
    new Currency("NOK", 2, new String[] {"7.40", "7.60", "7.46"}),
    new Currency("JPY", 0, new String[] {"112.5", "120.75", "118.03"}),
    new Currency("CHF", 2, new String[] {"1.4537", "1.4421"})
  };

  @Inject FundingService funding;
  @Inject AppealService appeals;
  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void figuresEqualTheOracleForRandomHistoriesAsOfAnyDateAndKnownAtAnyInstant() {
    Long only = Long.getLong("ledger.seed");
    long first = only == null ? 1 : only;
    long last = only == null ? HISTORIES : only;
    for (long seed = first; seed <= last; seed++) {
      try {
        history(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("history with seed " + seed + " (-Dledger.seed=" + seed + ")", e);
      }
    }
  }

  // ---------------------------------------------------------------- one history

  /** A line of a revision as the oracle knows it. */
  private record Line(
      UUID id,
      String country,
      String agency,
      String sector,
      String category,
      String priority,
      BigDecimal amount) {}

  private record Revision(
      int number, LocalDate effectiveOn, Instant recordedAt, List<Line> lines) {}

  /** Where a pledge's money is after one version (original currency; paid in USD). */
  private record Version(
      long number,
      String status,
      BigDecimal outstanding,
      BigDecimal paid,
      BigDecimal paidUsd,
      BigDecimal writtenOff,
      LocalDate occurredOn,
      String type) {}

  private static final class Pledge {
    UUID id = UUID.randomUUID();
    String donor;
    Currency currency;
    BigDecimal rate;
    BigDecimal amount;
    LocalDate announcedOn;
    String level;
    String agency;
    String country;
    String sector;
    UUID lineId;
    List<Version> versions = new ArrayList<>();
    List<Instant> recordedAt = new ArrayList<>();
  }

  private record Sent(Pledge pledge, int version) {}

  private void history(long seed) {
    var random = new Random(seed);
    String code = Appeals.uniqueCode();
    clock.set(LAUNCHED_AT);
    AppealFixtures.launched(code);
    var revisions = new ArrayList<Revision>();
    revisions.add(new Revision(0, LAUNCHED_ON, LAUNCHED_AT, linesOf(code)));
    var extraLine = UUID.randomUUID(); // a line id no revision ever had
    revise(random, code, revisions);

    List<UUID> lineIds = new ArrayList<>();
    revisions.forEach(
        r ->
            r.lines()
                .forEach(
                    l -> {
                      if (!lineIds.contains(l.id())) lineIds.add(l.id());
                    }));
    lineIds.add(extraLine);

    var pledges = new ArrayList<Pledge>();
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      pledges.add(pledge(random, lineIds));
    }
    // pledge-service records the pledges' changes interleaved, each pledge's in version order
    var order = new ArrayList<Sent>();
    var next = new int[pledges.size()];
    int remaining = pledges.stream().mapToInt(p -> p.versions.size()).sum();
    Instant at = LAUNCHED_AT.plus(Duration.ofHours(1 + random.nextInt(48)));
    while (remaining > 0) {
      int i = random.nextInt(pledges.size());
      var p = pledges.get(i);
      if (next[i] < p.versions.size()) {
        p.recordedAt.add(at);
        order.add(new Sent(p, next[i]++));
        remaining--;
        at = at.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 20)));
      }
    }
    // as the consumer receives them: in order, but redelivered now and then (as new events), and
    // rarely two of a pledge swapped (a producer's retry)
    var delivered = new ArrayList<Sent>();
    for (Sent s : order) {
      delivered.add(s);
      if (random.nextInt(8) == 0) {
        delivered.add(s);
      }
    }
    if (random.nextInt(6) == 0 && delivered.size() > 2) {
      int i = random.nextInt(delivered.size() - 1);
      Collections.swap(delivered, i, i + 1);
    }
    int from = 0;
    while (from < delivered.size()) {
      int to = Math.min(delivered.size(), from + 1 + random.nextInt(12));
      var batch = delivered.subList(from, to).stream().map(s -> event(code, s)).toList();
      QuarkusTransaction.requiringNew().run(() -> funding.keep(batch));
      from = to;
    }

    clock.set(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC));
    check(code, null, null, pledges, revisions);
    // dates and instants near the history's own ones, where an off-by-one shows
    var dates = new ArrayList<LocalDate>();
    var instants = new ArrayList<Instant>();
    for (Pledge p : pledges) {
      p.versions.forEach(v -> dates.add(v.occurredOn()));
      dates.add(p.announcedOn);
      instants.addAll(p.recordedAt);
    }
    revisions.forEach(r -> dates.add(r.effectiveOn()));
    revisions.forEach(r -> instants.add(r.recordedAt()));
    LocalDate asOf = near(random, dates);
    Instant knownAt = near(random, instants, LAUNCHED_AT.minus(Duration.ofDays(2)));
    check(code, asOf, knownAt, pledges, revisions);
    check(code, near(random, dates), null, pledges, revisions);
    if (random.nextBoolean()) {
      check(
          code,
          LocalDate.parse("1997-01-01").plusDays(random.nextInt(430)),
          null,
          pledges,
          revisions);
    } else {
      check(code, null, near(random, instants, LAUNCHED_AT), pledges, revisions);
    }
  }

  /** One of the dates, or the day before it. */
  private static LocalDate near(Random random, List<LocalDate> dates) {
    return dates.get(random.nextInt(dates.size())).minusDays(random.nextInt(2));
  }

  /** One of the instants, or a second before it; now and then any instant of the year. */
  private static Instant near(Random random, List<Instant> instants, Instant from) {
    if (random.nextInt(5) == 0) {
      return from.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 365)));
    }
    return instants.get(random.nextInt(instants.size())).minusSeconds(random.nextInt(2));
  }

  private List<Line> linesOf(String code) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                appeals.find(code).requirementLines().stream()
                    .map(
                        l ->
                            new Line(
                                l.lineId(),
                                l.country(),
                                l.agency(),
                                l.sector().name(),
                                l.category().name(),
                                l.priority().name(),
                                l.amount().amount()))
                    .toList());
  }

  /** Zero to two revisions, recorded at increasing instants, effective on non-decreasing dates. */
  private void revise(Random random, String code, List<Revision> revisions) {
    int count = random.nextInt(3);
    LocalDate effective = LAUNCHED_ON;
    Instant recorded = LAUNCHED_AT;
    for (int n = 1; n <= count; n++) {
      effective = effective.plusDays(random.nextInt(random.nextInt(4) == 0 ? 500 : 200));
      recorded = recorded.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 150)));
      var current = revisions.get(revisions.size() - 1).lines();
      var requests = new ArrayList<RequirementLineRequest>();
      for (Line l : current) {
        if (current.size() > 1 && random.nextInt(4) == 0) {
          continue; // dropped: money earmarked to it is "not specified" while this is in force
        }
        requests.add(
            lineRequest(
                l.id(),
                l.country(),
                l.agency(),
                Sector.valueOf(l.sector()),
                CategoryOfConcern.valueOf(l.category()),
                Priority.valueOf(l.priority()),
                BigDecimal.valueOf(1 + random.nextInt(90_000_000), 2)));
      }
      if (requests.isEmpty() || random.nextBoolean()) {
        requests.add(
            lineRequest(
                null,
                "ARM",
                "UNHCR",
                Sector.PROTECTION,
                CategoryOfConcern.REFUGEES,
                Priority.EMERGENCY,
                BigDecimal.valueOf(1 + random.nextInt(50_000_000), 2)));
      }
      clock.set(recorded);
      var request = new ReviseAppealRequest("review " + n, effective, requests);
      appeals.revise(code, request, OptionalLong.empty(), "fixture");
      revisions.add(new Revision(n, effective, recorded, linesOf(code)));
    }
  }

  private static RequirementLineRequest lineRequest(
      UUID id,
      String country,
      String agency,
      Sector sector,
      CategoryOfConcern category,
      Priority priority,
      BigDecimal amount) {
    return new RequirementLineRequest(
        id, country, agency, sector, category, priority, null, new MoneyRequest(amount, "USD"));
  }

  /** A pledge's life as pledge-service would record it. */
  private static Pledge pledge(Random random, List<UUID> lineIds) {
    var p = new Pledge();
    p.donor = DONORS[random.nextInt(DONORS.length)];
    p.currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
    p.rate = new BigDecimal(p.currency.rates()[random.nextInt(p.currency.rates().length)]);
    p.amount = BigDecimal.valueOf(1 + random.nextInt(200_000_000), p.currency.scale());
    p.announcedOn = LocalDate.parse("1997-01-10").plusDays(random.nextInt(320));
    switch (random.nextInt(5)) {
      case 1 -> {
        p.level = "SOFTLY_EARMARKED";
        p.agency = random.nextBoolean() ? "IOM" : null;
        p.country = p.agency == null ? "GEO" : null;
      }
      case 2 -> {
        p.level = "EARMARKED";
        p.country = "TJK";
        p.sector = "MIGRATION_MANAGEMENT";
      }
      case 3, 4 -> {
        p.level = "TIGHTLY_EARMARKED";
        p.lineId = lineIds.get(random.nextInt(lineIds.size()));
      }
      default -> p.level = "UNEARMARKED";
    }
    BigDecimal outstanding = p.amount;
    BigDecimal paid = zero(p);
    BigDecimal paidUsd = BigDecimal.ZERO.setScale(2);
    BigDecimal writtenOff = zero(p);
    long v = 0;
    p.versions.add(
        new Version(
            v++, "ANNOUNCED", outstanding, paid, paidUsd, writtenOff, p.announcedOn, "announced"));
    if (random.nextInt(6) == 0) {
      p.versions.add(
          new Version(
              v,
              "CANCELLED",
              zero(p),
              paid,
              paidUsd,
              writtenOff,
              later(random, p.announcedOn),
              "cancelled"));
      return p;
    }
    if (random.nextInt(5) == 0) {
      return p; // announced only
    }
    LocalDate committedOn = later(random, p.announcedOn);
    p.versions.add(
        new Version(
            v++, "COMMITTED", outstanding, paid, paidUsd, writtenOff, committedOn, "committed"));
    int receipts = random.nextInt(4);
    for (int r = 0; r < receipts && outstanding.signum() > 0; r++) {
      // a receipt, value-dated anywhere in the year (even before the announcement)
      LocalDate valueDate = LocalDate.parse("1997-01-01").plusDays(random.nextInt(365));
      BigDecimal receiptRate =
          new BigDecimal(p.currency.rates()[random.nextInt(p.currency.rates().length)]);
      BigDecimal received = part(random, outstanding, p);
      BigDecimal receiptUsd = received.divide(receiptRate, 2, RoundingMode.HALF_EVEN);
      // split over two allocations (two instalments): the parts' USD add up to the receipt's
      List<BigDecimal[]> parts = new ArrayList<>();
      if (random.nextInt(3) == 0 && received.compareTo(BigDecimal.ONE) > 0) {
        BigDecimal first = part(random, received, p);
        if (first.compareTo(received) < 0) {
          BigDecimal firstUsd = first.divide(receiptRate, 2, RoundingMode.HALF_EVEN);
          parts.add(new BigDecimal[] {first, firstUsd});
          parts.add(new BigDecimal[] {received.subtract(first), receiptUsd.subtract(firstUsd)});
        } else {
          parts.add(new BigDecimal[] {received, receiptUsd});
        }
      } else {
        parts.add(new BigDecimal[] {received, receiptUsd});
      }
      for (BigDecimal[] part : parts) {
        outstanding = outstanding.subtract(part[0]);
        paid = paid.add(part[0]);
        paidUsd = paidUsd.add(part[1]);
        p.versions.add(
            new Version(
                v++,
                outstanding.signum() == 0 ? "PAID" : "PARTIALLY_PAID",
                outstanding,
                paid,
                paidUsd,
                writtenOff,
                valueDate,
                "payment-allocated"));
      }
    }
    if (outstanding.signum() > 0 && random.nextInt(4) == 0) {
      writtenOff = outstanding;
      p.versions.add(
          new Version(
              v,
              "WRITTEN_OFF",
              zero(p),
              paid,
              paidUsd,
              writtenOff,
              later(random, committedOn),
              "written-off"));
    } else if (outstanding.signum() > 0 && paid.signum() == 0 && random.nextInt(5) == 0) {
      p.versions.add(
          new Version(
              v,
              "CANCELLED",
              zero(p),
              paid,
              paidUsd,
              writtenOff,
              later(random, committedOn),
              "cancelled"));
    }
    return p;
  }

  private static BigDecimal zero(Pledge p) {
    return BigDecimal.ZERO.setScale(p.currency.scale());
  }

  private static LocalDate later(Random random, LocalDate date) {
    return date.plusDays(random.nextInt(90));
  }

  /** Between one minor unit and all of it. */
  private static BigDecimal part(Random random, BigDecimal of, Pledge p) {
    long units = of.movePointRight(p.currency.scale()).longValueExact();
    long taken = random.nextInt(3) == 0 ? units : 1 + (long) (random.nextDouble() * units);
    return BigDecimal.valueOf(Math.min(units, taken), p.currency.scale());
  }

  private static PledgeChanged event(String code, Sent sent) {
    var p = sent.pledge();
    var v = p.versions.get(sent.version());
    String c = p.currency.code();
    var earmarking = new PledgeStateV1.Earmarking(p.level, p.agency, p.country, p.sector, p.lineId);
    var state =
        new PledgeStateV1(
            p.id,
            code,
            p.donor,
            Money.of(p.amount, c),
            Money.of(p.amount.divide(p.rate, 2, RoundingMode.HALF_EVEN), "USD"),
            p.rate,
            p.announcedOn,
            v.status(),
            v.number(),
            earmarking,
            Money.of(v.paidUsd(), "USD"),
            Money.of(v.outstanding().divide(p.rate, 2, RoundingMode.HALF_EVEN), "USD"),
            Money.of(v.writtenOff().divide(p.rate, 2, RoundingMode.HALF_EVEN), "USD"),
            Money.of(v.paid(), c),
            Money.of(v.outstanding(), c),
            Money.of(v.writtenOff(), c));
    return new PledgeChanged(
        "org.jointappeal.pledge." + v.type() + ".v1",
        code,
        state,
        v.occurredOn(),
        p.recordedAt.get(sent.version()));
  }

  // ---------------------------------------------------------------- the oracle

  /** USD per bucket of one pledge, summed over its versions' changes in view. */
  private record Counted(
      BigDecimal pledged, BigDecimal committed, BigDecimal paid, BigDecimal writtenOff) {
    static final Counted NONE =
        new Counted(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    boolean isZero() {
      return pledged.signum() == 0 && committed.signum() == 0 && paid.signum() == 0;
    }

    Counted plus(Counted o) {
      return new Counted(
          pledged.add(o.pledged),
          committed.add(o.committed),
          paid.add(o.paid),
          writtenOff.add(o.writtenOff));
    }
  }

  /**
   * A pledge's figures as of a date and known at an instant: each change from one version to the
   * next counts if it was recorded by knownAt and its business date is by asOf (a receipt's value
   * date, but never before the announcement); the original amounts are summed, then converted at
   * the pledge's rate and rounded once.
   */
  private static Counted oracle(Pledge p, LocalDate asOf, Instant knownAt) {
    BigDecimal pledged = BigDecimal.ZERO;
    BigDecimal committed = BigDecimal.ZERO;
    BigDecimal paidUsd = BigDecimal.ZERO;
    BigDecimal writtenOff = BigDecimal.ZERO;
    Version before = null;
    for (int i = 0; i < p.versions.size(); i++) {
      var v = p.versions.get(i);
      if (p.recordedAt.get(i).isAfter(knownAt)) {
        break;
      }
      LocalDate date = v.occurredOn();
      boolean received = before != null && paidOf(v).compareTo(paidOf(before)) > 0;
      if (received && p.announcedOn.isAfter(date)) {
        date = p.announcedOn;
      }
      if (!date.isAfter(asOf)) {
        pledged =
            pledged
                .add(pledgedOf(v))
                .subtract(before == null ? BigDecimal.ZERO : pledgedOf(before));
        committed =
            committed
                .add(committedOf(v))
                .subtract(before == null ? BigDecimal.ZERO : committedOf(before));
        paidUsd =
            paidUsd.add(paidOf(v)).subtract(before == null ? BigDecimal.ZERO : paidOf(before));
        writtenOff =
            writtenOff
                .add(v.writtenOff())
                .subtract(before == null ? BigDecimal.ZERO : before.writtenOff());
      }
      before = v;
    }
    return new Counted(
        usd(pledged, p.rate), usd(committed, p.rate), paidUsd, usd(writtenOff, p.rate));
  }

  private static BigDecimal pledgedOf(Version v) {
    return v.status().equals("ANNOUNCED") ? v.outstanding() : BigDecimal.ZERO;
  }

  private static boolean binding(Version v) {
    return List.of("COMMITTED", "PARTIALLY_PAID", "PAID", "WRITTEN_OFF").contains(v.status());
  }

  private static BigDecimal committedOf(Version v) {
    return binding(v) ? v.outstanding() : BigDecimal.ZERO;
  }

  private static BigDecimal paidOf(Version v) {
    return binding(v) ? v.paidUsd() : BigDecimal.ZERO;
  }

  private static BigDecimal usd(BigDecimal amount, BigDecimal rate) {
    return amount.divide(rate, 2, RoundingMode.HALF_EVEN);
  }

  private static Revision inForce(List<Revision> revisions, LocalDate day, Instant knownAt) {
    Revision found = null;
    for (Revision r : revisions) {
      if (!r.effectiveOn().isAfter(day) && !r.recordedAt().isAfter(knownAt)) {
        found = r;
      }
    }
    return found;
  }

  private static final Instant EVER = Instant.parse("9999-12-31T23:59:59Z");

  private void check(
      String code,
      LocalDate asOf,
      Instant knownAt,
      List<Pledge> pledges,
      List<Revision> revisions) {
    LocalDate through = asOf == null ? LocalDate.MAX : asOf;
    Instant known = knownAt == null ? EVER : knownAt;
    Revision revision;
    if (asOf != null) {
      revision = inForce(revisions, asOf, known);
    } else {
      LocalDate day = knownAt == null ? TODAY : knownAt.atOffset(ZoneOffset.UTC).toLocalDate();
      revision = inForce(revisions, day, known);
      if (revision == null) {
        revision =
            revisions.stream().filter(r -> !r.recordedAt().isAfter(known)).findFirst().orElse(null);
      }
    }
    var lines = revision == null ? List.<Line>of() : revision.lines();
    var counted = new HashMap<Pledge, Counted>();
    var total = Counted.NONE;
    for (Pledge p : pledges) {
      var c = oracle(p, through, known);
      counted.put(p, c);
      total = total.plus(c);
    }
    BigDecimal requirements =
        lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    String where = "asOf %s knownAt %s".formatted(asOf, knownAt);

    var groupings =
        new String[] {
          null, "country", "agency", "sector", "category", "priority", "donor", "earmarking"
        };
    // every grouping read in one transaction, as a dashboard would in a row of requests
    var answers =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  var all = new ArrayList<FundingStatus>();
                  for (String g : groupings) {
                    all.add(funding.status(code, asOf, knownAt, GroupBy.parse(g)));
                  }
                  return all;
                });
    for (int a = 0; a < groupings.length; a++) {
      String groupBy = groupings[a];
      var grouping = GroupBy.parse(groupBy);
      var status = answers.get(a);
      String at = where + " groupBy " + groupBy;
      assertThat(status.revision())
          .as(at + " revision")
          .isEqualTo(revision == null ? null : revision.number());
      assertThat(money(status.currentRequirements()))
          .as(at + " requirements")
          .isEqualTo(cents(requirements));
      assertThat(money(status.pledged())).as(at + " pledged").isEqualTo(cents(total.pledged()));
      assertThat(money(status.committed()))
          .as(at + " committed")
          .isEqualTo(cents(total.committed()));
      assertThat(money(status.paid())).as(at + " paid").isEqualTo(cents(total.paid()));
      assertThat(money(status.funding()))
          .as(at + " funding")
          .isEqualTo(cents(total.committed().add(total.paid())));
      assertThat(money(status.writtenOff()))
          .as(at + " written off")
          .isEqualTo(cents(total.writtenOff()));

      // lines: only money tightly earmarked to a line in force
      var expectedLines = new TreeMap<String, String>();
      var notOnLines = Counted.NONE;
      for (Line l : lines) {
        var sum = Counted.NONE;
        for (Pledge p : pledges) {
          if ("TIGHTLY_EARMARKED".equals(p.level) && l.id().equals(p.lineId)) {
            sum = sum.plus(counted.get(p));
          }
        }
        expectedLines.put(l.id().toString(), figures(l.amount(), sum));
      }
      for (Pledge p : pledges) {
        if (!("TIGHTLY_EARMARKED".equals(p.level)
            && lines.stream().anyMatch(l -> l.id().equals(p.lineId)))) {
          notOnLines = notOnLines.plus(counted.get(p));
        }
      }
      var actualLines = new TreeMap<String, String>();
      status
          .requirementLines()
          .forEach(
              l ->
                  actualLines.put(
                      l.lineId().toString(),
                      figures(l.currentRequirements(), l.pledged(), l.committed(), l.paid())));
      assertThat(actualLines).as(at + " lines").isEqualTo(expectedLines);
      assertThat(figures(null, status.requirementLinesNotSpecified()))
          .as(at + " not on lines")
          .isEqualTo(figures(null, notOnLines));

      if (grouping == null) {
        continue;
      }
      var expectedGroups = new TreeMap<String, String>();
      var groupRequirements = new TreeMap<String, BigDecimal>();
      if (lineAttribute(grouping)) {
        for (Line l : lines) {
          groupRequirements.merge(attribute(l, grouping), l.amount(), BigDecimal::add);
        }
      }
      var groupMoney = new TreeMap<String, Counted>();
      var notSpecified = Counted.NONE;
      for (Pledge p : pledges) {
        String key = keyOf(p, grouping, lines);
        if (key == null) {
          notSpecified = notSpecified.plus(counted.get(p));
        } else {
          groupMoney.merge(key, counted.get(p), Counted::plus);
        }
      }
      var keys = new java.util.TreeSet<String>(groupRequirements.keySet());
      keys.addAll(groupMoney.keySet());
      for (String key : keys) {
        var money = groupMoney.getOrDefault(key, Counted.NONE);
        BigDecimal required =
            lineAttribute(grouping) ? groupRequirements.getOrDefault(key, BigDecimal.ZERO) : null;
        if ((required == null || required.signum() == 0) && money.isZero()) {
          continue;
        }
        expectedGroups.put(key, figures(required, money));
      }
      var actualGroups = new TreeMap<String, String>();
      BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
      for (GroupFunding g : status.groups()) {
        sums[0] = sums[0].add(g.pledged().amount());
        sums[1] = sums[1].add(g.committed().amount());
        sums[2] = sums[2].add(g.paid().amount());
        String f = figures(g.currentRequirements(), g.pledged(), g.committed(), g.paid());
        if ((g.currentRequirements() == null || g.currentRequirements().amount().signum() == 0)
            && g.pledged().amount().signum() == 0
            && g.committed().amount().signum() == 0
            && g.paid().amount().signum() == 0) {
          continue; // a group whose money all left (cancelled): nothing to compare
        }
        actualGroups.put(g.key(), f);
      }
      assertThat(actualGroups).as(at + " groups").isEqualTo(expectedGroups);
      assertThat(figures(null, status.groupsNotSpecified()))
          .as(at + " not specified")
          .isEqualTo(figures(null, notSpecified));
      var ns = status.groupsNotSpecified();
      assertThat(cents(sums[0].add(ns.pledged().amount())))
          .as(at + " groups add up, pledged")
          .isEqualTo(money(status.pledged()));
      assertThat(cents(sums[1].add(ns.committed().amount())))
          .as(at + " groups add up, committed")
          .isEqualTo(money(status.committed()));
      assertThat(cents(sums[2].add(ns.paid().amount())))
          .as(at + " groups add up, paid")
          .isEqualTo(money(status.paid()));
    }
  }

  private static boolean lineAttribute(GroupBy g) {
    return g != GroupBy.DONOR && g != GroupBy.EARMARKING;
  }

  private static String attribute(Line l, GroupBy g) {
    return switch (g) {
      case COUNTRY -> l.country();
      case AGENCY -> l.agency();
      case SECTOR -> l.sector();
      case CATEGORY -> l.category();
      case PRIORITY -> l.priority();
      default -> throw new IllegalArgumentException(g.name());
    };
  }

  /** domain.md: money counts at the level it is earmarked to; what it does not name is apart. */
  private static String keyOf(Pledge p, GroupBy g, List<Line> lines) {
    if (g == GroupBy.DONOR) {
      return p.donor;
    }
    if (g == GroupBy.EARMARKING) {
      return p.level;
    }
    if ("TIGHTLY_EARMARKED".equals(p.level)) {
      for (Line l : lines) {
        if (l.id().equals(p.lineId)) {
          return attribute(l, g);
        }
      }
    }
    return switch (p.level) {
      case "SOFTLY_EARMARKED" ->
          g == GroupBy.COUNTRY ? p.country : g == GroupBy.AGENCY ? p.agency : null;
      case "EARMARKED", "TIGHTLY_EARMARKED" ->
          g == GroupBy.COUNTRY
              ? p.country
              : g == GroupBy.AGENCY ? p.agency : g == GroupBy.SECTOR ? p.sector : null;
      default -> null;
    };
  }

  private static String cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  private static String money(Money m) {
    return cents(m.amount());
  }

  private static String figures(BigDecimal requirements, Counted c) {
    return "req="
        + (requirements == null ? "-" : cents(requirements))
        + " pledged="
        + cents(c.pledged())
        + " committed="
        + cents(c.committed())
        + " paid="
        + cents(c.paid());
  }

  private static String figures(Money requirements, Money pledged, Money committed, Money paid) {
    return "req="
        + (requirements == null ? "-" : money(requirements))
        + " pledged="
        + money(pledged)
        + " committed="
        + money(committed)
        + " paid="
        + money(paid);
  }

  private static String figures(Money requirements, GroupFunding g) {
    return figures(requirements, g.pledged(), g.committed(), g.paid());
  }
}
