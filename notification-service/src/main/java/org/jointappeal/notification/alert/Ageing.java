package org.jointappeal.notification.alert;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jointappeal.notification.known.KnownPledge;

/**
 * Ageing of an unpaid instalment, defined as pledge-service's reconciliation defines it
 * (docs/alerts.md): days past due = asOf − due date; an instalment is overdue from day 1 (on its
 * due date it is not), in the buckets 1-30, 31-60, 61-90 and over 90 days. Only instalments of
 * committed or partly paid pledges age (see {@link KnownPledge#owed()}).
 */
enum Ageing {
  DAYS_1_TO_30("1-30", 0),
  DAYS_31_TO_60("31-60", 30),
  DAYS_61_TO_90("61-90", 60),
  OVER_90_DAYS("over 90", 90);

  private final String label;
  private final int afterDays;

  Ageing(String label, int afterDays) {
    this.label = label;
    this.afterDays = afterDays;
  }

  /** Negative before the due date, 0 on it. */
  static long daysPastDue(LocalDate dueOn, LocalDate asOf) {
    return ChronoUnit.DAYS.between(dueOn, asOf);
  }

  static boolean isOverdue(long daysPastDue) {
    return daysPastDue > 0;
  }

  /** The bucket of an overdue instalment; null when it is not overdue. */
  static Ageing of(long daysPastDue) {
    if (!isOverdue(daysPastDue)) {
      return null;
    }
    Ageing bucket = DAYS_1_TO_30;
    for (Ageing b : values()) {
      if (daysPastDue > b.afterDays) {
        bucket = b;
      }
    }
    return bucket;
  }

  /**
   * The bucket an {@code OVERDUE_INSTALMENT} rule's {@code minDaysOverdue} (30, 60, 90) names: the
   * one that begins after that many days, so that day 30 is in 1-30 and fires only the rules of
   * earlier buckets, exactly as the reconciliation reports it.
   */
  static Ageing after(int days) {
    for (Ageing b : values()) {
      if (b.afterDays == days) {
        return b;
      }
    }
    throw new IllegalArgumentException("no ageing bucket begins after " + days + " days");
  }

  /** This bucket or a later one. */
  boolean reached(Ageing bucket) {
    return bucket != null && bucket.compareTo(this) >= 0;
  }

  /** "1-30", "31-60", "61-90", "over 90" (days past due). */
  String label() {
    return label;
  }
}
