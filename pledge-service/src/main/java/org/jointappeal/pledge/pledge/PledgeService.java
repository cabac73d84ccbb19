package org.jointappeal.pledge.pledge;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.Forbidden;
import org.jointappeal.pledge.NotFound;
import org.jointappeal.pledge.NotYetKnown;
import org.jointappeal.pledge.VersionConflict;
import org.jointappeal.pledge.donor.DonorService;
import org.jointappeal.pledge.fx.UnoreRate;
import org.jointappeal.pledge.fx.UnoreRateService;
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.idempotency.IdempotencyKey;
import org.jointappeal.pledge.idempotency.IdempotentRequests;
import org.jointappeal.pledge.known.KnownAppeal;
import org.jointappeal.pledge.known.KnownAppeals;
import org.jointappeal.pledge.messaging.Outbox;
import org.jointappeal.pledge.messaging.OutboxBatch;
import org.jointappeal.pledge.money.Money;
import org.jointappeal.pledge.paging.Cursor;
import org.jointappeal.pledge.paging.Page;
import org.jointappeal.pledge.paging.PageRequest;

@ApplicationScoped
public class PledgeService {

  private static final String ANNOUNCE = "announce-pledge";

  private final PledgeRepository pledges;
  private final WriteOffRepository writeOffs;
  private final PledgeHistoryRepository history;
  private final KnownAppeals appeals;
  private final DonorService donors;
  private final UnoreRateService rates;
  private final IdempotentRequests idempotency;
  private final Outbox outbox;
  private final Clock clock;

  PledgeService(
      PledgeRepository pledges,
      WriteOffRepository writeOffs,
      PledgeHistoryRepository history,
      KnownAppeals appeals,
      DonorService donors,
      UnoreRateService rates,
      IdempotentRequests idempotency,
      Outbox outbox,
      Clock clock) {
    this.pledges = pledges;
    this.writeOffs = writeOffs;
    this.history = history;
    this.appeals = appeals;
    this.donors = donors;
    this.rates = rates;
    this.idempotency = idempotency;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Announces a pledge. With an Idempotency-Key, a retry of the same request replays the first
   * answer and creates nothing.
   *
   * <p>The write path is kept short (issue #18): the checks read without loading anything the
   * session would track; the answer is known before anything is written (ids are assigned in
   * memory), so the key's row is written with it in one statement; then the pledge, its history
   * entry and its outbox row, flushed once at commit.
   */
  @Transactional
  public Answer<PledgeView> announce(
      AnnouncePledgeRequest request, DonorScope scope, String actor, Optional<IdempotencyKey> key) {
    Pledge pledge;
    try {
      pledge = checkedPledge(request, scope);
    } catch (DomainRuleViolation | NotYetKnown | Forbidden | IllegalArgumentException refused) {
      // the key is consulted first, as if it had been claimed before the checks: a retry of a
      // request that was fine then replays its answer, another request under the key is a 422
      if (key.isPresent()) {
        var replay = idempotency.answered(actor, key.get(), ANNOUNCE, request, PledgeView.class);
        if (replay.isPresent()) {
          return replay.get();
        }
      }
      throw refused;
    }
    var answer = Answer.created("/pledges/" + pledge.id(), PledgeView.of(pledge));
    if (key.isPresent()) {
      var replay =
          idempotency.record(actor, key.get(), ANNOUNCE, request, answer, PledgeView.class);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    pledges.persist(pledge);
    // version 0 until the first change: the event and the history need no flush to know it
    outbox.append(PledgeEvents.announced(pledge, clock.instant()));
    record(pledge, "ANNOUNCED", actor, pledge.announcedOn(), pledge.occasion());
    Log.infof(
        "pledge announced pledgeId=%s appeal=%s donor=%s",
        pledge.id(), pledge.appealCode(), pledge.donorCode());
    return answer;
  }

  /** The pledge a request announces, checked against the donors, the appeal and the rates. */
  private Pledge checkedPledge(AnnouncePledgeRequest request, DonorScope scope) {
    DonorCode donor = pledgingDonor(request.donorCode(), scope);
    donors.requireKnown(donor);
    var amount = request.amount().toMoney("amount");
    notInFuture(request.announcedOn(), "announcedOn");
    var appeal = appeals.requireOpenForPledges(request.appealCode());
    var earmarking = Earmarking.against(appeal, request.earmarking());
    // announcement date, not today: a pledge keeps the value it had when it was made
    var value = rates.usdValue(amount, request.announcedOn());
    return new Pledge(
        request.appealCode(),
        donor,
        amount,
        value,
        request.announcedOn(),
        request.occasion(),
        earmarking,
        schedule(request, amount, appeal),
        clock.instant());
  }

  /**
   * Commits an announced pledge. The same commitment again (a retry whose answer was lost) answers
   * the current state and changes nothing, even with the If-Match read before it.
   */
  @Transactional
  public PledgeView commit(
      UUID pledgeId, CommitPledgeRequest request, OptionalLong expectedVersion, String actor) {
    var already = inScope(pledgeId, DonorScope.everyone());
    if (already.committedAs(request.agreementReference(), request.signedOn())) {
      return PledgeView.of(already);
    }
    var pledge = current(pledgeId, DonorScope.everyone(), expectedVersion);
    notInFuture(request.signedOn(), "signedOn");
    pledge.commit(request.agreementReference(), request.signedOn());
    pledges.flush(); // the event carries the version this change produced
    outbox.append(PledgeEvents.committed(pledge, clock.instant()));
    record(
        pledge,
        "COMMITTED",
        actor,
        request.signedOn(),
        "agreement " + request.agreementReference());
    Log.infof("pledge committed pledgeId=%s appeal=%s", pledge.id(), pledge.appealCode());
    return PledgeView.of(pledge);
  }

  /**
   * A donor cancels its own pledge (another donor's is not found); staff cancel any. The same
   * cancellation again answers the current state and changes nothing.
   */
  @Transactional
  public PledgeView cancel(
      UUID pledgeId,
      CancelPledgeRequest request,
      OptionalLong expectedVersion,
      DonorScope scope,
      String actor) {
    var already = inScope(pledgeId, scope);
    if (already.cancelledAs(request.cancelledOn(), request.reason())) {
      return PledgeView.of(already);
    }
    var pledge = current(pledgeId, scope, expectedVersion);
    notInFuture(request.cancelledOn(), "cancelledOn");
    pledge.cancel(request.cancelledOn(), request.reason());
    pledges.flush();
    outbox.append(PledgeEvents.cancelled(pledge, clock.instant()));
    record(pledge, "CANCELLED", actor, request.cancelledOn(), request.reason());
    Log.infof("pledge cancelled pledgeId=%s appeal=%s", pledge.id(), pledge.appealCode());
    return PledgeView.of(pledge);
  }

  /**
   * Values a pledge again at the rate now on file for its announcement date, when a finance officer
   * asks for it after a rate correction; a pledge.revalued.v1 event says so. Nothing changes (and
   * nothing is published) when the rate on file is the one the pledge has.
   */
  @Transactional
  public PledgeView revalue(
      UUID pledgeId, RevaluePledgeRequest request, OptionalLong expectedVersion, String actor) {
    var pledge = current(pledgeId, DonorScope.everyone(), expectedVersion);
    notInFuture(request.revaluedOn(), "revaluedOn");
    var previousUsd = pledge.valuation().usd();
    var previousRate = pledge.valuation().unitsPerUsd();
    var value = rates.usdValue(pledge.amount(), pledge.announcedOn());
    if (pledge.revalue(value, request.revaluedOn())) {
      pledges.flush();
      outbox.append(
          PledgeEvents.revalued(
              pledge,
              previousUsd,
              previousRate,
              request.revaluedOn(),
              request.reason(),
              clock.instant()));
      record(pledge, "REVALUED", actor, request.revaluedOn(), request.reason());
      Log.infof("pledge revalued pledgeId=%s appeal=%s", pledge.id(), pledge.appealCode());
    }
    return PledgeView.of(pledge);
  }

  /**
   * Writes off the outstanding remainder, once: a retry with the same key replays the answer; the
   * same write-off again under another key answers it with 200.
   */
  @Transactional
  public Answer<WriteOffView> writeOff(
      UUID pledgeId,
      WriteOffRequest request,
      OptionalLong expectedVersion,
      String actor,
      IdempotencyKey key) {
    var replay =
        idempotency.claim(
            actor,
            key,
            "write-off-pledge",
            new KeyedRequest(pledgeId, request),
            WriteOffView.class);
    if (replay.isPresent()) {
      return replay.get();
    }
    var already = inScope(pledgeId, DonorScope.everyone());
    if (already.writtenOffAs(request.writtenOffOn(), request.reason())) {
      var made = writeOffs.ofPledge(already.id()).orElseThrow();
      var answer = Answer.ok(WriteOffView.of(made));
      idempotency.complete(actor, key, answer);
      return answer;
    }
    var pledge = current(pledgeId, DonorScope.everyone(), expectedVersion);
    notInFuture(request.writtenOffOn(), "writtenOffOn");
    Money written = pledge.writeOff(request.writtenOffOn(), request.reason());
    var writeOff =
        new WriteOff(
            pledge.id(),
            written,
            UnoreRate.atRate(written, pledge.valuation().unitsPerUsd()),
            request.reason(),
            request.writtenOffOn(),
            actor,
            clock.instant());
    writeOffs.persist(writeOff);
    pledges.flush();
    outbox.append(PledgeEvents.writtenOff(pledge, clock.instant()));
    record(pledge, "WRITTEN_OFF", actor, request.writtenOffOn(), request.reason());
    Log.infof("pledge written off pledgeId=%s appeal=%s", pledge.id(), pledge.appealCode());
    var answer =
        Answer.created(
            "/pledges/" + pledge.id() + "/write-offs/" + writeOff.id(), WriteOffView.of(writeOff));
    idempotency.complete(actor, key, answer);
    return answer;
  }

  /**
   * Applies (part of) a receipt to a pledge, inside the allocation's transaction: the pledge's
   * instalments, status and paidUsd change, and the payment-allocated event is written with them.
   * {@code usd} is the payment at the receipt's rate; the event occurred on the receipt's value
   * date.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public PaymentApplied applyPayment(
      UUID pledgeId,
      DonorCode payer,
      Money payment,
      Integer instalmentNumber,
      Money usd,
      LocalDate valueDate,
      UUID receiptId,
      String actor) {
    var pledge =
        pledges
            .findByIdOptional(pledgeId)
            .orElseThrow(
                () ->
                    DomainRuleViolation.of(
                        DomainRule.UNKNOWN_PLEDGE, "pledge " + pledgeId + " was not found"));
    if (!pledge.donorCode().equals(payer)) {
      throw DomainRuleViolation.of(
          DomainRule.ALLOCATION_DONOR_DIFFERS,
          "the receipt is from %s, pledge %s is %s's"
              .formatted(payer, pledgeId, pledge.donorCode()));
    }
    var paidBefore = pledge.paid();
    var parts = pledge.receivePayment(payment, instalmentNumber, usd);
    var pledgeRateUsd = pledge.pledgeRateShare(paidBefore, pledge.paid());
    pledges.flush();
    outbox.append(PledgeEvents.paymentAllocated(pledge, valueDate, clock.instant()));
    record(pledge, "PAYMENT_ALLOCATED", actor, valueDate, "receipt " + receiptId);
    Log.infof(
        "payment allocated pledgeId=%s appeal=%s receiptId=%s status=%s",
        pledge.id(), pledge.appealCode(), receiptId, pledge.status());
    return new PaymentApplied(
        pledge.id(),
        pledge.appealCode(),
        pledge.valuation().unitsPerUsd(),
        pledgeRateUsd,
        pledge.announcedOn(),
        parts);
  }

  /**
   * A receipt allocated to the pledge was reversed by the bank: the allocation's instalment shares
   * are owed again, its USD value leaves paid, and a payment-reversed event dated {@code on} says
   * so (appeal-service's ledger lowers paid as of that date).
   */
  /**
   * Payments of a bank statement import, applied to its detached copies of the pledges and written
   * in batches (see {@link PaymentBatch}); inside the import's transaction.
   */
  public PaymentBatch paymentBatch(OutboxBatch events, String actor) {
    return new PaymentBatch(pledges, events, clock, actor);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void reversePayment(
      UUID pledgeId,
      Map<Integer, BigDecimal> shares,
      Money usd,
      LocalDate on,
      UUID receiptId,
      String actor) {
    var pledge =
        pledges
            .findByIdOptional(pledgeId)
            .orElseThrow(() -> new IllegalStateException("allocated pledge " + pledgeId));
    pledge.reversePayment(shares, usd);
    pledges.flush();
    outbox.append(PledgeEvents.paymentReversed(pledge, on, clock.instant()));
    record(pledge, "PAYMENT_REVERSED", actor, on, "receipt " + receiptId + " reversed");
    Log.infof(
        "payment reversed pledgeId=%s appeal=%s receiptId=%s status=%s",
        pledge.id(), pledge.appealCode(), receiptId, pledge.status());
  }

  public WriteOffView findWriteOff(UUID pledgeId, UUID writeOffId, DonorScope scope) {
    var pledge =
        pledges.findInScope(pledgeId, scope).orElseThrow(() -> NotFound.of("pledge", pledgeId));
    return writeOffs
        .findOfPledge(pledge.id(), writeOffId)
        .map(WriteOffView::of)
        .orElseThrow(() -> NotFound.of("write-off", writeOffId));
  }

  /** A page of the pledge's changes, oldest first; another donor's pledge is not found. */
  public Page<HistoryEntryView> history(UUID pledgeId, DonorScope scope, PageRequest page) {
    var pledge =
        pledges.findInScope(pledgeId, scope).orElseThrow(() -> NotFound.of("pledge", pledgeId));
    return Page.of(history.pageOf(pledge.id(), page), page, e -> Cursor.of(e.id()))
        .map(HistoryEntryView::of);
  }

  public PledgeView find(UUID pledgeId, DonorScope scope) {
    return pledges
        .findInScope(pledgeId, scope)
        .map(PledgeView::of)
        .orElseThrow(() -> NotFound.of("pledge", pledgeId));
  }

  public Page<PledgeView> list(String appealCodeOrNull, DonorScope scope, PageRequest page) {
    return Page.of(
            pledges.pageInScope(appealCodeOrNull, scope, page),
            page,
            p -> Cursor.of(p.announcedOn(), p.createdAt(), p.id()))
        .map(PledgeView::of);
  }

  /** Pledges per status with their USD value, for the metrics. */
  @Transactional
  public List<StatusTotal> totalsByStatus() {
    return pledges.totalsByStatus();
  }

  /** The path's pledge id is part of what a write-off request means. */
  record KeyedRequest(UUID pledgeId, WriteOffRequest request) {}

  private Pledge inScope(UUID pledgeId, DonorScope scope) {
    return pledges.findInScope(pledgeId, scope).orElseThrow(() -> NotFound.of("pledge", pledgeId));
  }

  private Pledge current(UUID pledgeId, DonorScope scope, OptionalLong expectedVersion) {
    var pledge = inScope(pledgeId, scope);
    expectedVersion.ifPresent(
        expected -> {
          if (expected != pledge.version()) {
            throw VersionConflict.of("pledge", pledgeId, expected, pledge.version());
          }
        });
    return pledge;
  }

  private void record(
      Pledge pledge, String action, String actor, LocalDate occurredOn, String detail) {
    history.persist(
        new PledgeHistoryEntry(pledge, action, actor, clock.instant(), occurredOn, detail));
  }

  /**
   * The schedule as requested, or one instalment of the whole amount due on the last day of the
   * appeal's period (pledges to an appeal are due within it), or on the announcement date if that
   * is later or the period is not known.
   */
  private static List<Pledge.ScheduledPart> schedule(
      AnnouncePledgeRequest request, Money amount, KnownAppeal appeal) {
    if (request.instalments() != null) {
      var instalments = request.instalments();
      return IntStream.range(0, instalments.size())
          .mapToObj(
              n ->
                  new Pledge.ScheduledPart(
                      instalments.get(n).dueOn(),
                      instalments.get(n).amount().toMoney("instalments[" + n + "].amount")))
          .toList();
    }
    LocalDate due = appeal.periodEnd();
    if (due == null || due.isBefore(request.announcedOn())) {
      due = request.announcedOn();
    }
    return List.of(new Pledge.ScheduledPart(due, amount));
  }

  /** A donor pledges only for itself; staff must say for whom. */
  private static DonorCode pledgingDonor(String requested, DonorScope scope) {
    var own = scope.restrictedTo();
    if (own.isPresent()) {
      if (requested != null && !own.get().value().equals(requested)) {
        throw Forbidden.of("a donor may announce pledges only for itself");
      }
      return own.get();
    }
    if (requested == null) {
      throw DomainRuleViolation.of(
          DomainRule.DONOR_REQUIRED, "donorCode is required when pledging for a donor");
    }
    return DonorCode.of(requested);
  }

  private void notInFuture(LocalDate date, String field) {
    if (date.isAfter(LocalDate.now(clock))) {
      throw DomainRuleViolation.of(
          DomainRule.DATE_IN_FUTURE, field + " " + date + " is in the future");
    }
  }
}
