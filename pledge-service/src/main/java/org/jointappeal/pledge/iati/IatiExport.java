package org.jointappeal.pledge.iati;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jointappeal.pledge.NotFound;
import org.jointappeal.pledge.known.KnownAppeal;
import org.jointappeal.pledge.known.KnownAppealRepository;
import org.jointappeal.pledge.known.KnownLine;
import org.jointappeal.pledge.money.Money;
import org.jointappeal.pledge.pledge.Pledge;
import org.jointappeal.pledge.pledge.PledgeStatus;

/**
 * An appeal as one IATI 2.03 activity: incoming pledges (13) for every pledge announced, incoming
 * commitments (11) for every commitment, incoming funds (1) for every allocation of a receipt to
 * its pledges (a reversed receipt's are left out: that money never arrived); values in the original
 * currency. A decrease is reported as IATI's guidance says, as a transaction of the same type with
 * a negative value, dated when it happened: a write-off decreases the commitment by what it wrote
 * off; a cancellation decreases the commitment (or, for a pledge never committed, the pledge) by
 * its whole amount.
 */
@ApplicationScoped
public class IatiExport {

  private final KnownAppealRepository appeals;
  private final IatiRepository ledger;
  private final IatiConfig config;
  private final Clock clock;

  IatiExport(KnownAppealRepository appeals, IatiRepository ledger, IatiConfig config, Clock clock) {
    this.appeals = appeals;
    this.ledger = ledger;
    this.config = config;
    this.clock = clock;
  }

  /** The {@code iati-activities} document for the appeal. */
  public String activities(String appealCode) {
    var appeal =
        appeals.findByIdOptional(appealCode).orElseThrow(() -> NotFound.of("appeal", appealCode));
    return IatiXml.write(activity(appeal), config, clock.instant());
  }

  private IatiActivity activity(KnownAppeal appeal) {
    var pledges = ledger.pledgesOf(appeal.code());
    var names = ledger.donorNames();
    var transactions = new ArrayList<IatiTransaction>();
    var donors = new TreeMap<String, IatiActivity.Organisation>();
    var payers = new TreeMap<UUID, Pledge>();
    for (var pledge : pledges) {
      boolean cancelled = pledge.status() == PledgeStatus.CANCELLED;
      String donor = pledge.donorCode().value();
      String name = names.getOrDefault(donor, donor);
      donors.put(donor, new IatiActivity.Organisation(donor, name));
      payers.put(pledge.id(), pledge);
      // the pledge's USD value was fixed at the UNORE of its announcement date
      transactions.add(
          new IatiTransaction(
              IatiTransaction.Type.INCOMING_PLEDGE,
              pledge.announcedOn(),
              pledge.amount(),
              pledge.announcedOn(),
              donor,
              name,
              "Pledge " + pledge.id()));
      boolean committed = pledge.committedOn() != null;
      if (committed) {
        // committed amounts keep the pledge's rate
        transactions.add(
            new IatiTransaction(
                IatiTransaction.Type.INCOMING_COMMITMENT,
                pledge.committedOn(),
                pledge.amount(),
                pledge.announcedOn(),
                donor,
                name,
                "Agreement " + pledge.agreementReference()));
      }
      if (cancelled) {
        transactions.add(
            new IatiTransaction(
                committed
                    ? IatiTransaction.Type.INCOMING_COMMITMENT
                    : IatiTransaction.Type.INCOMING_PLEDGE,
                pledge.cancelledOn(),
                negated(pledge.amount()),
                pledge.announcedOn(),
                donor,
                name,
                "Cancellation of pledge " + pledge.id()));
      }
      if (pledge.status() == PledgeStatus.WRITTEN_OFF && pledge.writtenOff().isPositive()) {
        transactions.add(
            new IatiTransaction(
                IatiTransaction.Type.INCOMING_COMMITMENT,
                pledge.writtenOffOn(),
                negated(pledge.writtenOff()),
                pledge.announcedOn(),
                donor,
                name,
                "Write-off of pledge " + pledge.id() + ": " + pledge.writeOffReason()));
      }
    }
    for (var allocation : ledger.allocationsTo(payers.keySet())) {
      var pledge = payers.get(allocation.pledgeId());
      String donor = pledge.donorCode().value();
      transactions.add(
          new IatiTransaction(
              IatiTransaction.Type.INCOMING_FUNDS,
              allocation.valueDate(),
              allocation.amount(),
              allocation.valueDate(),
              donor,
              names.getOrDefault(donor, donor),
              "Receipt allocated to pledge " + pledge.id()));
    }
    transactions.sort(
        Comparator.comparing(IatiTransaction::date)
            .thenComparing(t -> Integer.parseInt(t.type().code()), Comparator.reverseOrder()));
    var agencies = new TreeSet<String>();
    appeal.lines().stream().map(KnownLine::agency).forEach(agencies::add);
    return new IatiActivity(
        config.identifierPrefix() + "-" + appeal.code(),
        appeal.code(),
        appeal.title(),
        activityStatus(appeal.status()),
        appeal.periodEnd(),
        List.copyOf(donors.values()),
        List.copyOf(agencies),
        List.copyOf(transactions));
  }

  private static Money negated(Money money) {
    return Money.of(money.amount().negate(), money.currency());
  }

  /** IATI ActivityStatus: 1 pipeline (a draft), 2 implementation, 3 finalisation (closed). */
  private static String activityStatus(String appealStatus) {
    return switch (appealStatus) {
      case "DRAFT" -> "1";
      case "CLOSED" -> "3";
      default -> "2";
    };
  }
}
