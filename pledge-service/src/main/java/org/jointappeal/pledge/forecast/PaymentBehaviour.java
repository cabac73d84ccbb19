package org.jointappeal.pledge.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jointappeal.pledge.forecast.CashHistory.InstalmentFact;
import org.jointappeal.pledge.forecast.CashHistory.PledgeFact;
import org.jointappeal.pledge.forecast.DelayDistribution.Observation;

/**
 * How donors paid, learned from a history already cut at the as-of date: each donor's payment
 * delay, write-off rate and announcement-to-commitment conversion rate, each pulled towards all
 * donors' figure while the donor has little history of its own. docs/forecast.md gives the reasons.
 */
final class PaymentBehaviour {

  /** Pseudo-observations of the all-donor figure in a donor's delay and rates (n / (n + K)). */
  static final int K = 5;

  /** Prior of the all-donor write-off rate: Beta(1, 19), a mean of 5 %. */
  static final double WRITE_OFF_PRIOR_A = 1;

  static final double WRITE_OFF_PRIOR_B = 19;

  /** Prior of the all-donor conversion rate: Beta(1, 1), uniform. */
  static final double CONVERSION_PRIOR_A = 1;

  static final double CONVERSION_PRIOR_B = 1;

  /** An announcement neither committed nor cancelled after this many days counts as not kept. */
  static final int ANNOUNCEMENT_LAPSES_AFTER_DAYS = 365;

  /** What is known of one donor (or of all donors together). */
  record Donor(
      DelayDistribution timing,
      double writeOffRate,
      double conversionRate,
      int timingObservations,
      int resolvedInstalments,
      int resolvedAnnouncements) {}

  /** What the model was fitted on, for the answer. */
  record FittedOn(
      int donors,
      int pledges,
      int paidInstalments,
      int censoredInstalments,
      int writtenOffInstalments,
      int resolvedInstalments,
      int resolvedAnnouncements,
      LocalDate firstDueOn,
      LocalDate lastValueDate) {}

  private final Map<String, Donor> donors;
  private final Donor allDonors;
  private final FittedOn fittedOn;

  private PaymentBehaviour(Map<String, Donor> donors, Donor allDonors, FittedOn fittedOn) {
    this.donors = donors;
    this.allDonors = allDonors;
    this.fittedOn = fittedOn;
  }

  Donor of(String donor) {
    return donors.getOrDefault(donor, allDonors);
  }

  Donor allDonors() {
    return allDonors;
  }

  FittedOn fittedOn() {
    return fittedOn;
  }

  /** Learns from {@code history}, which must already be cut at {@code asOf}. */
  static PaymentBehaviour learn(CashHistory history, LocalDate asOf) {
    var tallies = new TreeMap<String, Tally>();
    var all = new Tally();
    LocalDate firstDue = null;
    LocalDate lastValue = null;
    int pledges = 0;
    for (PledgeFact p : history.pledges()) {
      pledges++;
      Tally donor = tallies.computeIfAbsent(p.donor(), d -> new Tally());
      Boolean kept = announcementKept(p, asOf);
      if (kept != null) {
        donor.announcement(kept);
        all.announcement(kept);
      }
      if (!p.committed() || p.cancelled()) {
        continue;
      }
      for (InstalmentFact i : p.instalments()) {
        if (!i.payments().isEmpty()) {
          LocalDate last = i.payments().get(i.payments().size() - 1).valueDate();
          lastValue = lastValue == null || last.isAfter(lastValue) ? last : lastValue;
        }
        if (i.fullyPaid() || i.writtenOffOn() != null) {
          boolean writtenOff = !i.fullyPaid();
          donor.resolved(writtenOff);
          all.resolved(writtenOff);
        }
        // only instalments due by asOf: which of them are included does not depend on how they
        // were paid, so early payers are not over-represented
        if (i.dueOn().isAfter(asOf)) {
          continue;
        }
        firstDue = firstDue == null || i.dueOn().isBefore(firstDue) ? i.dueOn() : firstDue;
        Observation o = observation(i, asOf);
        donor.timing.add(o);
        all.timing.add(o);
      }
    }
    double pooledWriteOff =
        (all.writtenOff + WRITE_OFF_PRIOR_A)
            / (all.resolved + WRITE_OFF_PRIOR_A + WRITE_OFF_PRIOR_B);
    double pooledConversion =
        (all.kept + CONVERSION_PRIOR_A)
            / (all.announcements + CONVERSION_PRIOR_A + CONVERSION_PRIOR_B);
    DelayDistribution pooledTiming = DelayDistribution.kaplanMeier(all.timing);
    if (pooledTiming.isEmpty()) {
      // nothing paid yet anywhere: the due date is the only thing known
      pooledTiming = DelayDistribution.point(0);
    }
    var allDonors =
        new Donor(
            pooledTiming,
            pooledWriteOff,
            pooledConversion,
            all.timing.size(),
            all.resolved,
            all.announcements);
    var fitted = new TreeMap<String, Donor>();
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      int n = t.timing.size();
      double weight = (double) n / (n + K);
      DelayDistribution timing =
          DelayDistribution.kaplanMeier(t.timing).blend(weight, pooledTiming);
      double writeOff = (t.writtenOff + K * pooledWriteOff) / (t.resolved + K);
      double conversion = (t.kept + K * pooledConversion) / (t.announcements + K);
      fitted.put(
          e.getKey(), new Donor(timing, writeOff, conversion, n, t.resolved, t.announcements));
    }
    int paid = (int) all.timing.stream().filter(Observation::paid).count();
    var fittedOn =
        new FittedOn(
            tallies.size(),
            pledges,
            paid,
            all.timing.size() - paid,
            all.writtenOff,
            all.resolved,
            all.announcements,
            firstDue,
            lastValue);
    return new PaymentBehaviour(fitted, allDonors, fittedOn);
  }

  /**
   * Paid: the delay of the part that completed it. Not paid: censored when it was written off, or
   * at asOf (still open).
   */
  private static Observation observation(InstalmentFact i, LocalDate asOf) {
    if (i.fullyPaid()) {
      return new Observation(days(i.dueOn(), i.paidOn()), true);
    }
    LocalDate watchedUntil = i.writtenOffOn() != null ? i.writtenOffOn() : asOf;
    return new Observation(days(i.dueOn(), watchedUntil), false);
  }

  /** True: committed; false: cancelled or lapsed; null: not decided yet. */
  private static Boolean announcementKept(PledgeFact p, LocalDate asOf) {
    if (p.committed()) {
      return true;
    }
    if (p.cancelled()) {
      return false;
    }
    return days(p.announcedOn(), asOf) > ANNOUNCEMENT_LAPSES_AFTER_DAYS ? false : null;
  }

  static int days(LocalDate from, LocalDate to) {
    return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
  }

  private static final class Tally {
    final List<Observation> timing = new ArrayList<>();
    int resolved;
    int writtenOff;
    int announcements;
    int kept;

    void resolved(boolean writtenOff) {
      resolved++;
      if (writtenOff) {
        this.writtenOff++;
      }
    }

    void announcement(boolean kept) {
      announcements++;
      if (kept) {
        this.kept++;
      }
    }
  }
}
