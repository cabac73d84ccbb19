package org.jointappeal.pledge.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
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

  /** A donor sees the appeal with its own pledges only; staff see every donor's. */
  public Reconciliation ofAppeal(String appealCode, LocalDate asOfOrNull, DonorScope scope) {
    if (appeals.findByIdOptional(appealCode).isEmpty()) {
      throw NotFound.of("appeal", appealCode);
    }
    LocalDate asOf = asOf(asOfOrNull);
    var pledges = ledger.pledges(appealCode, null, scope);
    var gains = ledger.exchangeGainLoss(pledges.stream().map(Pledge::id).toList());
    var names = ledger.donorNames();
    var byDonor = new TreeMap<String, Ledger>();
    for (var pledge : pledges) {
      byDonor
          .computeIfAbsent(pledge.donorCode().value(), d -> new Ledger())
          .add(pledge, gains.getOrDefault(pledge.id(), BigDecimal.ZERO), asOf);
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
        List.copyOf(rows),
        new Reconciliation.Totals(total.original(), total.usd()));
  }

  /** Another donor's view reads as a missing one (404). */
  public Reconciliation ofDonor(String donorCode, LocalDate asOfOrNull, DonorScope scope) {
    DonorCode donor;
    try {
      donor = DonorCode.of(donorCode);
    } catch (IllegalArgumentException e) {
      throw NotFound.of("donor", donorCode);
    }
    String name = donors.find(donor, scope).name();
    LocalDate asOf = asOf(asOfOrNull);
    var pledges =
        ledger.pledges(null, donor, scope).stream()
            .sorted(
                Comparator.comparing(Pledge::appealCode)
                    .thenComparing(Pledge::announcedOn)
                    .thenComparing(Pledge::createdAt))
            .toList();
    var gains = ledger.exchangeGainLoss(pledges.stream().map(Pledge::id).toList());
    var total = new Ledger();
    var rows = new ArrayList<ReconciliationRow>();
    for (var pledge : pledges) {
      var figures = new Ledger();
      figures.add(pledge, gains.getOrDefault(pledge.id(), BigDecimal.ZERO), asOf);
      total.addAll(figures);
      rows.add(
          new ReconciliationRow(
              pledge.appealCode(),
              donor.value(),
              name,
              pledge.id(),
              pledge.status().name(),
              figures.original(),
              figures.usd()));
    }
    return new Reconciliation(
        null,
        donor.value(),
        asOf,
        List.copyOf(rows),
        new Reconciliation.Totals(total.original(), total.usd()));
  }

  private LocalDate asOf(LocalDate asOfOrNull) {
    return asOfOrNull == null ? LocalDate.now(clock) : asOfOrNull;
  }
}
