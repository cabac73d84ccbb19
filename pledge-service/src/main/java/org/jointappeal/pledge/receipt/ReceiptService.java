package org.jointappeal.pledge.receipt;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.NotFound;
import org.jointappeal.pledge.donor.DonorCode;
import org.jointappeal.pledge.donor.DonorScope;
import org.jointappeal.pledge.donor.DonorService;
import org.jointappeal.pledge.fx.UnoreRate;
import org.jointappeal.pledge.fx.UnoreRateService;
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.idempotency.IdempotencyKey;
import org.jointappeal.pledge.idempotency.IdempotentRequests;
import org.jointappeal.pledge.pledge.PledgeService;

@ApplicationScoped
public class ReceiptService {

  private final ReceiptRepository receipts;
  private final AllocationRepository allocations;
  private final DonorService donors;
  private final UnoreRateService rates;
  private final PledgeService pledges;
  private final IdempotentRequests idempotency;
  private final Clock clock;

  ReceiptService(
      ReceiptRepository receipts,
      AllocationRepository allocations,
      DonorService donors,
      UnoreRateService rates,
      PledgeService pledges,
      IdempotentRequests idempotency,
      Clock clock) {
    this.receipts = receipts;
    this.allocations = allocations;
    this.donors = donors;
    this.rates = rates;
    this.pledges = pledges;
    this.idempotency = idempotency;
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
    var donor = DonorCode.of(request.donorCode());
    donors.requireKnown(donor);
    var amount = request.amount().toMoney();
    if (request.valueDate().isAfter(LocalDate.now(clock))) {
      throw DomainRuleViolation.of(
          DomainRule.DATE_IN_FUTURE, "valueDate " + request.valueDate() + " is in the future");
    }
    // value date, not booking date: UNORE applies when the funds became available
    var value = rates.usdValue(amount, request.valueDate());
    var receipt =
        new Receipt(
            donor,
            amount,
            value,
            request.valueDate(),
            request.bankReference(),
            request.remittanceText(),
            actor,
            clock.instant());
    receipts.persist(receipt);
    receipts.flush();
    Log.infof("receipt recorded receiptId=%s donor=%s", receipt.id(), donor);
    Log.debugf(
        "receipt details receiptId=%s bankReference=%s", receipt.id(), receipt.bankReference());
    var answer = Answer.created("/receipts/" + receipt.id(), ReceiptView.of(receipt, List.of()));
    idempotency.complete(actor, key, answer);
    return answer;
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
    var receipt =
        receipts.findByIdOptional(receiptId).orElseThrow(() -> NotFound.of("receipt", receiptId));
    var amount = request.amount().toMoney();
    receipt.allocate(amount);
    var usd = UnoreRate.atRate(amount, receipt.unitsPerUsd());
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
    var allocation =
        new Allocation(
            receipt.id(),
            applied.pledgeId(),
            amount,
            usd,
            UnoreRate.atRate(amount, applied.pledgeUnitsPerUsd()),
            applied.parts().stream()
                .map(p -> new Allocation.Part(p.instalmentNumber(), p.amount().amount()))
                .toList(),
            receipt.valueDate(),
            actor,
            clock.instant());
    allocations.persist(allocation);
    receipts.flush();
    Log.infof(
        "receipt allocated receiptId=%s allocationId=%s pledgeId=%s",
        receipt.id(), allocation.id(), applied.pledgeId());
    var answer =
        Answer.created(
            "/receipts/" + receipt.id() + "/allocations/" + allocation.id(),
            AllocationView.of(allocation));
    idempotency.complete(actor, key, answer);
    return answer;
  }

  public ReceiptView find(UUID receiptId, DonorScope scope) {
    var receipt =
        receipts.findInScope(receiptId, scope).orElseThrow(() -> NotFound.of("receipt", receiptId));
    return ReceiptView.of(receipt, allocations.ofReceipt(receipt.id()));
  }

  public List<ReceiptView> list(DonorScope scope) {
    return receipts.listInScope(scope).stream()
        .map(r -> ReceiptView.of(r, allocations.ofReceipt(r.id())))
        .toList();
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
