package org.jointappeal.pledge.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.jointappeal.pledge.NotFound;
import org.jointappeal.pledge.appeal.KnownAppealRepository;
import org.jointappeal.pledge.donor.DonorCode;
import org.jointappeal.pledge.donor.DonorScope;
import org.jointappeal.pledge.donor.DonorService;

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
    for (var facts : ledger.facts(appealCode, null, scope)) {
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

  /** Another donor's view reads as a missing one (404). */
  public Reconciliation ofDonor(
      String donorCode, LocalDate asOfOrNull, Instant knownAtOrNull, DonorScope scope) {
    DonorCode donor;
    try {
      donor = DonorCode.of(donorCode);
    } catch (IllegalArgumentException e) {
      throw NotFound.of("donor", donorCode);
    }
    String name = donors.find(donor, scope).name();
    LocalDate asOf = asOf(asOfOrNull);
    Instant knownAt = knownAt(knownAtOrNull);
    var pledges =
        ledger.facts(null, donor, scope).stream()
            .flatMap(facts -> PledgeAsOf.of(facts, asOf, knownAt).stream())
            .sorted(
                Comparator.comparing((PledgeAsOf p) -> p.pledge().appealCode())
                    .thenComparing(p -> p.pledge().announcedOn())
                    .thenComparing(p -> p.pledge().recordedAt()))
            .toList();
    var total = new Ledger();
    var rows = new ArrayList<ReconciliationRow>();
    for (var pledge : pledges) {
      var figures = new Ledger();
      figures.add(pledge);
      total.addAll(figures);
      rows.add(
          new ReconciliationRow(
              pledge.pledge().appealCode(),
              donor.value(),
              name,
              pledge.pledge().id(),
              pledge.status(),
              figures.original(),
              figures.usd()));
    }
    return new Reconciliation(
        null,
        donor.value(),
        asOf,
        knownAtOrNull,
        List.copyOf(rows),
        new Reconciliation.Totals(total.original(), total.usd()));
  }

  /** Everything recorded so far when no knownAt is asked for. */
  private static Instant knownAt(Instant knownAtOrNull) {
    return knownAtOrNull == null ? Instant.MAX : knownAtOrNull;
  }

  private LocalDate asOf(LocalDate asOfOrNull) {
    return asOfOrNull == null ? LocalDate.now(clock) : asOfOrNull;
  }
}
