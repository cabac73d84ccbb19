package org.jointappeal.pledge.pledge;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.StateConflict;
import org.jointappeal.pledge.fx.UnoreRate;
import org.jointappeal.pledge.fx.UsdValue;
import org.jointappeal.pledge.money.Money;

/** A donor's pledge to an appeal, valued in USD at the UNORE in force on its announcement date. */
@Entity
@Table(name = "pledge")
public class Pledge {

  @Id private UUID id;

  @Column(name = "appeal_code", nullable = false, length = 32)
  private String appealCode;

  @Column(name = "donor_code", nullable = false, length = 3)
  private DonorCode donorCode;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
  })
  private Money amount;

  @Embedded private UsdValue valuation;

  @Column(name = "announced_on", nullable = false)
  private LocalDate announcedOn;

  @Column(length = 300)
  private String occasion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PledgeStatus status;

  @Column(name = "agreement_reference", length = 100)
  private String agreementReference;

  @Column(name = "committed_on")
  private LocalDate committedOn;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Embedded private Earmarking earmarking;

  @ElementCollection
  @CollectionTable(name = "instalment", joinColumns = @JoinColumn(name = "pledge_id"))
  @OrderBy("number")
  private List<Instalment> instalments = new ArrayList<>();

  @Column(name = "cancelled_on")
  private LocalDate cancelledOn;

  @Column(name = "cancellation_reason", length = 300)
  private String cancellationReason;

  @Column(name = "written_off_on")
  private LocalDate writtenOffOn;

  @Column(name = "write_off_reason", length = 300)
  private String writeOffReason;

  /** The allocated receipts' USD values, each at its receipt's rate: what was really received. */
  @Column(name = "paid_usd", nullable = false, precision = 19, scale = 4)
  private BigDecimal paidUsd = BigDecimal.ZERO;

  @Version private long version;

  protected Pledge() {}

  /** A part of the schedule as announced: due date and amount. */
  record ScheduledPart(LocalDate dueOn, Money amount) {}

  Pledge(
      String appealCode,
      DonorCode donorCode,
      Money amount,
      UsdValue value,
      LocalDate announcedOn,
      String occasion,
      Earmarking earmarking,
      List<ScheduledPart> schedule,
      Instant createdAt) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a pledge is for a positive amount");
    }
    checkSchedule(amount, announcedOn, schedule);
    this.id = UUID.randomUUID();
    this.appealCode = appealCode;
    this.donorCode = donorCode;
    this.amount = amount;
    this.valuation = value;
    this.announcedOn = announcedOn;
    this.occasion = occasion;
    this.status = PledgeStatus.ANNOUNCED;
    this.createdAt = createdAt;
    this.earmarking = earmarking;
    var byDueDate = schedule.stream().sorted(Comparator.comparing(ScheduledPart::dueOn)).toList();
    for (int i = 0; i < byDueDate.size(); i++) {
      var part = byDueDate.get(i);
      instalments.add(new Instalment(i + 1, part.dueOn(), part.amount().amount()));
    }
  }

  /** Instalments in the pledge's currency, none due before the announcement, summing exactly. */
  private static void checkSchedule(
      Money amount, LocalDate announcedOn, List<ScheduledPart> schedule) {
    if (schedule.isEmpty()) {
      throw new IllegalArgumentException("a pledge has at least one instalment");
    }
    var sum = BigDecimal.ZERO;
    for (var part : schedule) {
      if (!part.amount().isIn(amount.currency())) {
        throw DomainRuleViolation.of(
            DomainRule.INSTALMENT_CURRENCY_DIFFERS,
            "an instalment is in %s, the pledge in %s"
                .formatted(part.amount().currency(), amount.currency()));
      }
      if (part.dueOn().isBefore(announcedOn)) {
        throw DomainRuleViolation.of(
            DomainRule.INSTALMENT_DUE_BEFORE_ANNOUNCEMENT,
            "an instalment is due on %s, before the announcement on %s"
                .formatted(part.dueOn(), announcedOn));
      }
      sum = sum.add(part.amount().amount());
    }
    if (sum.compareTo(amount.amount()) != 0) {
      throw DomainRuleViolation.of(
          DomainRule.INSTALMENTS_NOT_SUMMING,
          "the instalments sum to %s %s, the pledge is %s %s"
              .formatted(
                  Money.of(sum, amount.currency()).amount().toPlainString(),
                  amount.currency(),
                  amount.amount().toPlainString(),
                  amount.currency()));
    }
  }

  /** Whether this commitment is the one already made (a retry whose answer was lost). */
  boolean committedAs(String agreementReference, LocalDate signedOn) {
    return this.agreementReference != null
        && this.agreementReference.equals(agreementReference)
        && committedOn.equals(signedOn);
  }

  /**
   * A signed agreement turns the announcement into a commitment: from now on it is funding. Another
   * commitment than the one made, or a pledge that left the announced state otherwise, is a state
   * conflict.
   */
  void commit(String agreementReference, LocalDate signedOn) {
    if (this.agreementReference != null) {
      throw StateConflict.of(
          "cannot commit: pledge %s is %s, committed on %s under agreement %s"
              .formatted(id, status, committedOn, this.agreementReference));
    }
    if (status != PledgeStatus.ANNOUNCED) {
      throw StateConflict.of("cannot commit: pledge %s is %s".formatted(id, status));
    }
    if (signedOn.isBefore(announcedOn)) {
      throw DomainRuleViolation.of(
          DomainRule.COMMITTED_BEFORE_ANNOUNCED,
          "signed on %s, before the announcement on %s".formatted(signedOn, announcedOn));
    }
    this.status = PledgeStatus.COMMITTED;
    this.agreementReference = agreementReference;
    this.committedOn = signedOn;
  }

  /** Whether this cancellation is the one already made (a retry whose answer was lost). */
  boolean cancelledAs(LocalDate on, String reason) {
    return status == PledgeStatus.CANCELLED
        && cancelledOn.equals(on)
        && Objects.equals(cancellationReason, reason);
  }

  /**
   * The donor withdraws the pledge; only before any money was received. A pledge cancelled
   * otherwise, or written off, is a state conflict.
   */
  void cancel(LocalDate on, String reason) {
    if (status == PledgeStatus.CANCELLED) {
      throw StateConflict.of(
          "cannot cancel: pledge %s is CANCELLED since %s".formatted(id, cancelledOn));
    }
    if (status == PledgeStatus.WRITTEN_OFF) {
      throw StateConflict.of(
          "cannot cancel: pledge %s is WRITTEN_OFF since %s".formatted(id, writtenOffOn));
    }
    boolean open = status == PledgeStatus.ANNOUNCED || status == PledgeStatus.COMMITTED;
    if (!open || paid().isPositive()) {
      throw DomainRuleViolation.of(
          DomainRule.PLEDGE_NOT_CANCELLABLE,
          "pledge %s is %s: only an unpaid announced or committed pledge can be cancelled"
              .formatted(id, status));
    }
    if (on.isBefore(announcedOn)) {
      throw DomainRuleViolation.of(
          DomainRule.DATE_BEFORE_ANNOUNCEMENT,
          "cancelled on %s, before the announcement on %s".formatted(on, announcedOn));
    }
    instalments.forEach(Instalment::cancel);
    this.status = PledgeStatus.CANCELLED;
    this.cancelledOn = on;
    this.cancellationReason = reason;
  }

  /** Whether this write-off is the one already made (a retry whose answer was lost). */
  boolean writtenOffAs(LocalDate on, String reason) {
    return status == PledgeStatus.WRITTEN_OFF
        && writtenOffOn.equals(on)
        && Objects.equals(writeOffReason, reason);
  }

  /**
   * Values the pledge again (its amount at the rate now on file for its announcement date), as a
   * finance officer asked after a rate correction. Only before any payment: allocated payments
   * realised their gains at the rate the pledge had then. Returns whether anything changed.
   */
  boolean revalue(UsdValue value, LocalDate on) {
    boolean open = status == PledgeStatus.ANNOUNCED || status == PledgeStatus.COMMITTED;
    if (!open || paid().isPositive()) {
      throw DomainRuleViolation.of(
          DomainRule.PLEDGE_NOT_REVALUABLE,
          "pledge %s is %s: only an unpaid announced or committed pledge is re-valued"
              .formatted(id, status));
    }
    if (on.isBefore(announcedOn)) {
      throw DomainRuleViolation.of(
          DomainRule.DATE_BEFORE_ANNOUNCEMENT,
          "re-valued on %s, before the announcement on %s".formatted(on, announcedOn));
    }
    if (value.unitsPerUsd().compareTo(valuation.unitsPerUsd()) == 0) {
      return false;
    }
    this.valuation = value;
    return true;
  }

  /**
   * The outstanding remainder will not be received: it is written off, instalment by instalment,
   * and leaves the figures. Once only: afterwards nothing is outstanding.
   */
  Money writeOff(LocalDate on, String reason) {
    if (status == PledgeStatus.WRITTEN_OFF) {
      throw StateConflict.of(
          "cannot write off: pledge %s is WRITTEN_OFF since %s".formatted(id, writtenOffOn));
    }
    if (status == PledgeStatus.CANCELLED) {
      throw StateConflict.of(
          "cannot write off: pledge %s is CANCELLED since %s".formatted(id, cancelledOn));
    }
    boolean owed = status == PledgeStatus.COMMITTED || status == PledgeStatus.PARTIALLY_PAID;
    if (!owed || !outstanding().isPositive()) {
      throw DomainRuleViolation.of(
          DomainRule.NOTHING_TO_WRITE_OFF,
          "pledge %s is %s: only a committed pledge's outstanding remainder can be written off"
              .formatted(id, status));
    }
    if (on.isBefore(committedOn)) {
      throw DomainRuleViolation.of(
          DomainRule.DATE_BEFORE_ANNOUNCEMENT,
          "written off on %s, before the commitment on %s".formatted(on, committedOn));
    }
    var written = BigDecimal.ZERO;
    for (var instalment : instalments) {
      written = written.add(instalment.writeOffRemainder());
    }
    this.status = PledgeStatus.WRITTEN_OFF;
    this.writtenOffOn = on;
    this.writeOffReason = reason;
    return Money.of(written, amount.currency());
  }

  /**
   * Money received against the pledge: spread over the instalments in due-date order (or to one
   * instalment), exactly, never beyond what is outstanding. {@code usd} is the payment at its
   * receipt's rate; it adds to {@link #paidUsd()}.
   */
  List<PaymentPart> receivePayment(Money payment, Integer instalmentNumber, Money usd) {
    if (status != PledgeStatus.COMMITTED && status != PledgeStatus.PARTIALLY_PAID) {
      throw DomainRuleViolation.of(
          DomainRule.PLEDGE_NOT_PAYABLE,
          "pledge %s is %s: only a committed, partially paid pledge receives payments"
              .formatted(id, status));
    }
    if (!payment.isIn(amount.currency())) {
      throw DomainRuleViolation.of(
          DomainRule.ALLOCATION_CURRENCY_DIFFERS,
          "the payment is in %s, pledge %s in %s"
              .formatted(payment.currency(), id, amount.currency()));
    }
    var targets = instalments.stream().sorted(Comparator.comparing(Instalment::dueOn)).toList();
    if (instalmentNumber != null) {
      targets = targets.stream().filter(i -> i.number() == instalmentNumber).toList();
      if (targets.isEmpty()) {
        throw DomainRuleViolation.of(
            DomainRule.UNKNOWN_INSTALMENT,
            "pledge %s has no instalment %d".formatted(id, instalmentNumber));
      }
    }
    var owed =
        targets.stream().map(Instalment::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (payment.amount().compareTo(owed) > 0) {
      throw DomainRuleViolation.of(
          DomainRule.ALLOCATION_EXCEEDS_OUTSTANDING,
          "%s %s is more than the %s %s outstanding on pledge %s%s"
              .formatted(
                  payment.amount().toPlainString(),
                  payment.currency(),
                  Money.of(owed, amount.currency()).amount().toPlainString(),
                  amount.currency(),
                  id,
                  instalmentNumber == null ? "" : " instalment " + instalmentNumber));
    }
    var parts = new ArrayList<PaymentPart>();
    var remaining = payment.amount();
    for (var instalment : targets) {
      if (remaining.signum() == 0) {
        break;
      }
      var part = remaining.min(instalment.outstanding());
      if (part.signum() > 0) {
        instalment.receive(part);
        parts.add(new PaymentPart(instalment.number(), Money.of(part, amount.currency())));
        remaining = remaining.subtract(part);
      }
    }
    this.paidUsd = paidUsd.add(usd.amount());
    this.status = outstanding().isPositive() ? PledgeStatus.PARTIALLY_PAID : PledgeStatus.PAID;
    return List.copyOf(parts);
  }

  /**
   * A change written outside the persistence context (a bank statement import writes the payments
   * of its detached copies in JDBC batches) counts in the version as a flush would: each payment's
   * event carries the version it made, and the row ends with the last.
   */
  void nextVersion() {
    version++;
  }

  /**
   * A payment's receipt was reversed by the bank: each instalment's share is owed again, and the
   * payment's USD value (at its receipt's rate) leaves {@link #paidUsd()}. A paid or partly paid
   * pledge is partly paid or committed again; a written-off one stays written off.
   */
  void reversePayment(Map<Integer, BigDecimal> shares, Money usd) {
    for (var share : shares.entrySet()) {
      var instalment =
          instalments.stream()
              .filter(i -> i.number() == share.getKey())
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "pledge %s has no instalment %d".formatted(id, share.getKey())));
      instalment.unreceive(share.getValue());
    }
    this.paidUsd = paidUsd.subtract(usd.amount());
    if (status == PledgeStatus.PAID || status == PledgeStatus.PARTIALLY_PAID) {
      this.status = paid().isPositive() ? PledgeStatus.PARTIALLY_PAID : PledgeStatus.COMMITTED;
    }
  }

  /**
   * Marks the instalments whose due date lies before {@code today} and that are not fully paid as
   * OVERDUE; returns those that became overdue now. Only a signed commitment owes money on a
   * schedule: an announced pledge's instalments are not overdue.
   */
  List<Instalment> markOverdueInstalments(LocalDate today, Instant reportedAt) {
    if (status != PledgeStatus.COMMITTED && status != PledgeStatus.PARTIALLY_PAID) {
      return List.of();
    }
    var overdue = new ArrayList<Instalment>();
    for (var instalment : instalments) {
      if (instalment.markOverdue(today, reportedAt)) {
        overdue.add(instalment);
      }
    }
    return List.copyOf(overdue);
  }

  /** Money received against the pledge, in its currency. */
  public Money paid() {
    return sum(Instalment::paid);
  }

  public Money writtenOff() {
    return sum(Instalment::writtenOff);
  }

  /** Still expected: nothing once cancelled, written off or paid. */
  public Money outstanding() {
    if (status == PledgeStatus.CANCELLED || status == PledgeStatus.WRITTEN_OFF) {
      return Money.of(BigDecimal.ZERO, amount.currency());
    }
    return sum(Instalment::outstanding);
  }

  /**
   * The USD value at the pledge's rate of the payments that took the paid amount from {@code
   * before} to {@code after}: rounded cumulatively, so the shares of all payments add up to the
   * value of what was paid, and to the pledge's USD value once it is paid whole.
   */
  Money pledgeRateShare(Money before, Money after) {
    return Money.of(
        valuation
            .ofFirst(after.amount(), amount)
            .subtract(valuation.ofFirst(before.amount(), amount)),
        "USD");
  }

  /** The sum of the allocated receipts' USD values, each at its receipt's rate. */
  public Money paidUsd() {
    return Money.of(paidUsd, "USD");
  }

  /** The outstanding original amount at the pledge's rate, rounded once. */
  public Money outstandingUsd() {
    return UnoreRate.atRate(outstanding(), valuation.unitsPerUsd());
  }

  public Money writtenOffUsd() {
    return UnoreRate.atRate(writtenOff(), valuation.unitsPerUsd());
  }

  private Money sum(Function<Instalment, BigDecimal> part) {
    return Money.of(
        instalments.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add), amount.currency());
  }

  public UUID id() {
    return id;
  }

  public String appealCode() {
    return appealCode;
  }

  public DonorCode donorCode() {
    return donorCode;
  }

  public Money amount() {
    return amount;
  }

  /** The USD value at announcement (or at the last re-valuation) and the rate that made it. */
  public UsdValue valuation() {
    return valuation;
  }

  public LocalDate announcedOn() {
    return announcedOn;
  }

  public String occasion() {
    return occasion;
  }

  public PledgeStatus status() {
    return status;
  }

  public String agreementReference() {
    return agreementReference;
  }

  public LocalDate committedOn() {
    return committedOn;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }

  public Earmarking earmarking() {
    return earmarking;
  }

  public List<Instalment> instalments() {
    return List.copyOf(instalments);
  }

  public LocalDate cancelledOn() {
    return cancelledOn;
  }

  public String cancellationReason() {
    return cancellationReason;
  }

  public LocalDate writtenOffOn() {
    return writtenOffOn;
  }

  public String writeOffReason() {
    return writeOffReason;
  }
}
