package org.jointappeal.pledge.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.NotFound;
import org.jointappeal.pledge.donor.DonorService;
import org.jointappeal.pledge.known.KnownAppealRepository;
import org.jointappeal.pledge.paging.Cursor;
import org.jointappeal.pledge.paging.Page;
import org.jointappeal.pledge.paging.PageRequest;
import org.jointappeal.pledge.pledge.Pledge;

/** The reconciliation view: per appeal with a row per donor, per donor with a row per pledge. */
@ApplicationScoped
public class ReconciliationService {

  private final ReconciliationRepository ledger;
  private final KnownAppealRepository appeals;
  private final DonorService donors;
  private final Clock clock;

  ReconciliationService(
      ReconciliationRepository ledger,
      KnownAppealRepository appeals,
      DonorService donors,
      Clock clock) {
    this.ledger = ledger;
    this.appeals = appeals;
    this.donors = donors;
    this.clock = clock;
  }

  /**
   * A donor sees the appeal with its own pledges only; staff see every donor's. Exact as of a
   * business date (default today) and, with {@code knownAtOrNull}, as known at an instant.
   */
  public Reconciliation ofAppeal(
      String appealCode, LocalDate asOfOrNull, Instant knownAtOrNull, DonorScope scope) {
    if (appeals.findByIdOptional(appealCode).isEmpty()) {
      throw NotFound.of("appeal", appealCode);
    }
    LocalDate asOf = asOf(asOfOrNull);
    Instant knownAt = knownAt(knownAtOrNull);
    var names = ledger.donorNames();
    var byDonor = new TreeMap<String, Ledger>();
    for (var facts : ledger.factsOfAppeal(appealCode, scope)) {
      PledgeAsOf.of(facts, asOf, knownAt)
          .ifPresent(
              figures ->
                  byDonor.computeIfAbsent(facts.donorCode(), d -> new Ledger()).add(figures));
    }
    var total = new Ledger();
    var rows = new ArrayList<ReconciliationRow>();
    byDonor.forEach(
        (donor, figures) -> {
          total.addAll(figures);
          rows.add(
              new ReconciliationRow(
                  appealCode,
                  donor,
                  names.get(donor),
                  null,
                  null,
                  figures.original(),
                  figures.usd()));
        });
    return new Reconciliation(
        appealCode,
        null,
        asOf,
        knownAtOrNull,
        List.copyOf(rows),
        new Reconciliation.Totals(total.original(), total.usd()));
  }

  /** One page of a donor's view: its rows, the whole donor's totals, and where the next starts. */
  public record DonorPage(Reconciliation view, Optional<Cursor> next) {}

  /**
   * A page of a donor's view: a row per pledge, by appeal, announcement date, recording time and
   * id; the totals are the whole donor's, summed in the database, on every page. Another donor's
   * view reads as a missing one (404).
   */
  public DonorPage ofDonor(
      String donorCode,
      LocalDate asOfOrNull,
      Instant knownAtOrNull,
      DonorScope scope,
      PageRequest page) {
    DonorCode donor = donor(donorCode);
    String name = donors.find(donor, scope).name();
    LocalDate asOf = asOf(asOfOrNull);
    var rows = rows(donor, name, asOf, knownAtOrNull, scope, page);
    return new DonorPage(
        new Reconciliation(
            null,
            donor.value(),
            asOf,
            knownAtOrNull,
            rows.items(),
            donorTotals(donor, asOf, knownAtOrNull, scope)),
        rows.next());
  }

  /**
   * A donor's whole view, every row: the CSV a finance officer downloads is the whole statement.
   * Read {@link PageRequest#MAX_LIMIT} pledges at a time, so the facts held at once stay bounded.
   */
  public Reconciliation ofDonorWhole(
      String donorCode, LocalDate asOfOrNull, Instant knownAtOrNull, DonorScope scope) {
    DonorCode donor = donor(donorCode);
    String name = donors.find(donor, scope).name();
    LocalDate asOf = asOf(asOfOrNull);
    var all = new ArrayList<ReconciliationRow>();
    var chunk = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      var rows = rows(donor, name, asOf, knownAtOrNull, scope, chunk);
      all.addAll(rows.items());
      if (rows.next().isEmpty()) {
        break;
      }
      chunk = new PageRequest(PageRequest.MAX_LIMIT, rows.next());
    }
    return new Reconciliation(
        null,
        donor.value(),
        asOf,
        knownAtOrNull,
        List.copyOf(all),
        donorTotals(donor, asOf, knownAtOrNull, scope));
  }

  /** A page of rows: the page's pledges (filtered and ordered in SQL), then their facts. */
  private Page<ReconciliationRow> rows(
      DonorCode donor,
      String name,
      LocalDate asOf,
      Instant knownAtOrNull,
      DonorScope scope,
      PageRequest page) {
    var pledges =
        Page.of(
            ledger.pageOfDonor(donor, scope, asOf, knownAtOrNull, page),
            page,
            p -> Cursor.of(p.appealCode(), p.announcedOn(), p.createdAt(), p.id()));
    return new Page<>(
        rows(donor, name, pledges.items(), asOf, knownAt(knownAtOrNull)), pledges.next());
  }

  private Reconciliation.Totals donorTotals(
      DonorCode donor, LocalDate asOf, Instant knownAtOrNull, DonorScope scope) {
    var totals = new Ledger();
    var sums = ledger.donorTotals(donor, scope, asOf, knownAtOrNull);
    sums.currencies().forEach(totals::add);
    sums.overdue().forEach(totals::add);
    return new Reconciliation.Totals(totals.original(), totals.usd());
  }

  /** A row per pledge, in the order given (the page's). */
  private List<ReconciliationRow> rows(
      DonorCode donor, String name, List<Pledge> pledges, LocalDate asOf, Instant knownAt) {
    var rows = new ArrayList<ReconciliationRow>();
    for (var facts : ledger.facts(pledges)) {
      // the page's query kept only pledges that exist as of the date, as PledgeAsOf does
      PledgeAsOf.of(facts, asOf, knownAt)
          .ifPresent(
              pledge -> {
                var figures = new Ledger();
                figures.add(pledge);
                rows.add(
                    new ReconciliationRow(
                        pledge.pledge().appealCode(),
                        donor.value(),
                        name,
                        pledge.pledge().id(),
                        pledge.status(),
                        figures.original(),
                        figures.usd()));
              });
    }
    return List.copyOf(rows);
  }

  private static DonorCode donor(String donorCode) {
    try {
      return DonorCode.of(donorCode);
    } catch (IllegalArgumentException e) {
      throw NotFound.of("donor", donorCode);
    }
  }

  /** Everything recorded so far when no knownAt is asked for. */
  private static Instant knownAt(Instant knownAtOrNull) {
    return knownAtOrNull == null ? Instant.MAX : knownAtOrNull;
  }

  private LocalDate asOf(LocalDate asOfOrNull) {
    return asOfOrNull == null ? LocalDate.now(clock) : asOfOrNull;
  }
}
