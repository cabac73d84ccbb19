package org.jointappeal.pledge.receipt;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.NotFound;
import org.jointappeal.pledge.donor.DonorService;
import org.jointappeal.pledge.fx.UnoreRateService;
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.idempotency.IdempotencyKey;
import org.jointappeal.pledge.idempotency.IdempotentRequests;
import org.jointappeal.pledge.messaging.Outbox;
import org.jointappeal.pledge.messaging.OutboxBatch;
import org.jointappeal.pledge.money.Money;
import org.jointappeal.pledge.paging.Cursor;
import org.jointappeal.pledge.paging.Page;
import org.jointappeal.pledge.paging.PageRequest;
import org.jointappeal.pledge.pledge.PaymentBatch;
import org.jointappeal.pledge.pledge.PledgeService;

@ApplicationScoped
public class ReceiptService {

  private final ReceiptRepository receipts;
  private final AllocationRepository allocations;
  private final DonorService donors;
  private final UnoreRateService rates;
  private final PledgeService pledges;
  private final IdempotentRequests idempotency;
  private final Outbox outbox;
  private final Clock clock;

  ReceiptService(
      ReceiptRepository receipts,
      AllocationRepository allocations,
      DonorService donors,
      UnoreRateService rates,
      PledgeService pledges,
      IdempotentRequests idempotency,
      Outbox outbox,
      Clock clock) {
    this.receipts = receipts;
    this.allocations = allocations;
    this.donors = donors;
    this.rates = rates;
    this.pledges = pledges;
    this.idempotency = idempotency;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Records money received; a retry with the same key replays the first answer. */
  @Transactional
  public Answer<ReceiptView> record(
      RecordReceiptRequest request, String actor, IdempotencyKey key) {
    var replay = idempotency.claim(actor, key, "record-receipt", request, ReceiptView.class);
    if (replay.isPresent()) {
      return replay.get();
    }
    var receipt =
        recordReceipt(
            DonorCode.of(request.donorCode()),
            request.amount().toMoney("amount"),
            request.valueDate(),
            request.bankReference(),
            request.remittanceText(),
            ReceiptSource.MANUAL,
            actor);
    var answer = Answer.created("/receipts/" + receipt.id(), receipt);
    idempotency.complete(actor, key, answer);
    return answer;
  }

  /**
   * Records a receipt inside the caller's transaction (a manual one, or one taken from a bank
   * statement), with its receipt.recorded event.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public ReceiptView recordReceipt(
      DonorCode donor,
      Money amount,
      LocalDate valueDate,
      String bankReference,
      String remittanceText,
      ReceiptSource source,
      String actor) {
    donors.requireKnown(donor);
    if (valueDate.isAfter(LocalDate.now(clock))) {
      throw DomainRuleViolation.of(
          DomainRule.DATE_IN_FUTURE, "valueDate " + valueDate + " is in the future");
    }
    // value date, not booking date: UNORE applies when the funds became available
    var value = rates.usdValue(amount, valueDate);
    var receipt =
        new Receipt(
            donor,
            amount,
            value,
            valueDate,
            bankReference,
            remittanceText,
            source,
            actor,
            clock.instant());
    receipts.persist(receipt);
    receipts.flush();
    outbox.append(ReceiptEvents.recorded(receipt, clock.instant()));
    Log.infof("receipt recorded receiptId=%s donor=%s source=%s", receipt.id(), donor, source);
    Log.debugf(
        "receipt details receiptId=%s bankReference=%s", receipt.id(), receipt.bankReference());
    return ReceiptView.of(receipt, List.of());
  }

  /**
   * Allocates (part of) a receipt to a pledge of the same donor and currency. The receipt's version
   * guards its unallocated amount against concurrent allocations; the pledge's, its instalments.
   */
  @Transactional
  public Answer<AllocationView> allocate(
      UUID receiptId, AllocateReceiptRequest request, String actor, IdempotencyKey key) {
    var replay =
        idempotency.claim(
            actor,
            key,
            "allocate-receipt",
            new KeyedRequest(receiptId, request),
            AllocationView.class);
    if (replay.isPresent()) {
      return replay.get();
    }
    var allocation = allocateNow(receiptId, request, actor);
    var answer =
        Answer.created("/receipts/" + receiptId + "/allocations/" + allocation.id(), allocation);
    idempotency.complete(actor, key, answer);
    return answer;
  }

  /**
   * The allocation itself, inside the caller's transaction (an allocation by hand, or an automatic
   * one from a bank statement): the receipt, the pledge, the pledge's payment-allocated event and
   * the receipt's allocated event change together.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public AllocationView allocateNow(UUID receiptId, AllocateReceiptRequest request, String actor) {
    var receipt =
        receipts.findByIdOptional(receiptId).orElseThrow(() -> NotFound.of("receipt", receiptId));
    var amount = request.amount().toMoney("amount");
    // the receipt's USD value is split, not each part converted on its own
    var usd = receipt.allocate(amount);
    var applied =
        pledges.applyPayment(
            request.pledgeId(),
            receipt.donorCode(),
            amount,
            request.instalmentNumber(),
            usd,
            receipt.valueDate(),
            receipt.id(),
            actor);
    var allocation = new Allocation(receipt, applied, amount, usd, actor, clock.instant());
    allocations.persist(allocation);
    receipts.flush();
    Log.infof(
        "receipt allocated receiptId=%s allocationId=%s pledgeId=%s",
        receipt.id(), allocation.id(), applied.pledgeId());
    outbox.append(ReceiptEvents.allocated(receipt, clock.instant()));
    return AllocationView.of(allocation);
  }

  /**
   * Receipts and automatic allocations of a bank statement import, written in batches (see {@link
   * ReceiptBatch}); inside the import's transaction, with the pledges' payments in {@code payments}
   * and the events of both in {@code events}, in the order they happen.
   */
  public ReceiptBatch batch(PaymentBatch payments, OutboxBatch events, String actor) {
    return new ReceiptBatch(receipts, donors, rates, payments, events, clock, actor);
  }

  /**
   * The bank reversed a receipt (a camt.053 reversal, inside the import's transaction): each of its
   * allocations is undone as of {@code on}, the pledges owe the money again and each says so with a
   * payment-reversed event. The rows stay, so figures as of an earlier date still count them.
   * Returns the pledges that owe the money again.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<UUID> reverse(UUID receiptId, LocalDate on, String reference, String actor) {
    var receipt =
        receipts.findByIdOptional(receiptId).orElseThrow(() -> NotFound.of("receipt", receiptId));
    var now = clock.instant();
    receipt.reverse(on, reference, now);
    var reopened = new ArrayList<UUID>();
    for (var allocation : allocations.ofReceipt(receipt.id())) {
      reopened.add(allocation.pledgeId());
      var reversedOn = allocation.reverse(on, now);
      pledges.reversePayment(
          allocation.pledgeId(),
          allocation.parts().stream()
              .collect(
                  Collectors.toMap(
                      Allocation.Part::instalmentNumber, Allocation.Part::amount, BigDecimal::add)),
          allocation.usdAmount(),
          reversedOn,
          receipt.id(),
          actor);
    }
    receipts.flush();
    Log.infof("receipt reversed receiptId=%s reversedOn=%s", receipt.id(), on);
    return List.copyOf(reopened);
  }

  /** The bank charges a statement showed on the credit (Chrgs). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void charged(UUID receiptId, Money charges) {
    receipts
        .findByIdOptional(receiptId)
        .orElseThrow(() -> NotFound.of("receipt", receiptId))
        .charged(charges);
  }

  public ReceiptView find(UUID receiptId, DonorScope scope) {
    var receipt =
        receipts.findInScope(receiptId, scope).orElseThrow(() -> NotFound.of("receipt", receiptId));
    return ReceiptView.of(receipt, allocations.ofReceipt(receipt.id()));
  }

  /** The USD values of these receipts, by id: one query for them all. */
  public Map<UUID, Money> usdValues(Collection<UUID> receiptIds) {
    if (receiptIds.isEmpty()) {
      return Map.of();
    }
    var values = new HashMap<UUID, Money>();
    receipts.list("id in ?1", receiptIds).forEach(r -> values.put(r.id(), r.valuation().usd()));
    return values;
  }

  /** A page of receipts with their allocations: two queries per page, whatever its size. */
  public Page<ReceiptView> list(DonorScope scope, PageRequest page) {
    var found =
        Page.of(
            receipts.pageInScope(scope, page),
            page,
            r -> Cursor.of(r.valueDate(), r.recordedAt(), r.id()));
    var allocated = allocations.ofReceipts(found.items().stream().map(Receipt::id).toList());
    return found.map(r -> ReceiptView.of(r, allocated.getOrDefault(r.id(), List.of())));
  }

  public AllocationView findAllocation(UUID receiptId, UUID allocationId, DonorScope scope) {
    var receipt =
        receipts.findInScope(receiptId, scope).orElseThrow(() -> NotFound.of("receipt", receiptId));
    return allocations
        .findOfReceipt(receipt.id(), allocationId)
        .map(AllocationView::of)
        .orElseThrow(() -> NotFound.of("allocation", allocationId));
  }

  /** The path's receipt id is part of what an allocation request means. */
  record KeyedRequest(UUID receiptId, AllocateReceiptRequest request) {}
}
