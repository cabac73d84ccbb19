package org.jointappeal.pledge.pledge;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A scheduled part of a pledge, in the pledge's currency (amounts kept without it: the pledge holds
 * the currency). Part of the pledge aggregate; changed only through the pledge.
 */
@Embeddable
public class Instalment {

  @Column(nullable = false)
  private int number;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal paid;

  @Column(name = "written_off", nullable = false, precision = 19, scale = 4)
  private BigDecimal writtenOff;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private InstalmentStatus status;

  /** When its instalment-overdue event was recorded; never reported twice. */
  @Column(name = "overdue_reported_at")
  private Instant overdueReportedAt;

  protected Instalment() {}

  Instalment(int number, LocalDate dueOn, BigDecimal amount) {
    this.number = number;
    this.dueOn = dueOn;
    this.amount = amount;
    this.paid = BigDecimal.ZERO;
    this.writtenOff = BigDecimal.ZERO;
    this.status = InstalmentStatus.PENDING;
  }

  /** What is neither paid nor written off. */
  BigDecimal outstanding() {
    return amount.subtract(paid).subtract(writtenOff);
  }

  /** Part of a payment; never more than is outstanding (the pledge checks). */
  void receive(BigDecimal part) {
    paid = paid.add(part);
    if (outstanding().signum() == 0) {
      status = InstalmentStatus.PAID;
    } else if (status != InstalmentStatus.OVERDUE) {
      // a part payment does not make up for the delay: an overdue instalment stays overdue
      status = InstalmentStatus.PARTIALLY_PAID;
    }
  }

  /** A payment is reversed: the part it paid is owed again (overdue again, if it was). */
  void unreceive(BigDecimal part) {
    if (status == InstalmentStatus.WRITTEN_OFF || status == InstalmentStatus.CANCELLED) {
      paid = paid.subtract(part);
      return;
    }
    paid = paid.subtract(part);
    if (overdueReportedAt != null) {
      status = InstalmentStatus.OVERDUE;
    } else {
      status = paid.signum() > 0 ? InstalmentStatus.PARTIALLY_PAID : InstalmentStatus.PENDING;
    }
  }

  /**
   * Past its due date and not fully paid: OVERDUE, once. Returns whether it became overdue now
   * (written-off, cancelled and paid instalments never do).
   */
  boolean markOverdue(LocalDate today, Instant reportedAt) {
    boolean unpaid =
        status == InstalmentStatus.PENDING || status == InstalmentStatus.PARTIALLY_PAID;
    if (!unpaid || overdueReportedAt != null || !dueOn.isBefore(today)) {
      return false;
    }
    status = InstalmentStatus.OVERDUE;
    overdueReportedAt = reportedAt;
    return true;
  }

  void cancel() {
    status = InstalmentStatus.CANCELLED;
  }

  /** Writes off what is unpaid; returns that amount (zero for a paid instalment). */
  BigDecimal writeOffRemainder() {
    var remainder = outstanding();
    if (remainder.signum() > 0) {
      writtenOff = writtenOff.add(remainder);
      status = InstalmentStatus.WRITTEN_OFF;
    }
    return remainder;
  }

  public int number() {
    return number;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  public BigDecimal amount() {
    return amount;
  }

  public BigDecimal paid() {
    return paid;
  }

  public BigDecimal writtenOff() {
    return writtenOff;
  }

  public InstalmentStatus status() {
    return status;
  }
}
