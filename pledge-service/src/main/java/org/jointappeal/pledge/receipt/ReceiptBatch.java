package org.jointappeal.pledge.receipt;

import io.quarkus.logging.Log;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.donor.DonorService;
import org.jointappeal.pledge.fx.UnoreRateService;
import org.jointappeal.pledge.fx.UsdValue;
import org.jointappeal.pledge.messaging.OutboxBatch;
import org.jointappeal.pledge.money.Money;
import org.jointappeal.pledge.pledge.PaymentBatch;
import org.jointappeal.pledge.pledge.Pledge;

/**
 * Receipts and automatic allocations of one bank statement import: the rules and events of {@link
 * ReceiptService#recordReceipt} and {@link ReceiptService#allocateNow}, with each receipt written
 * once, in its final state, in JDBC batches instead of a persist and flushes per receipt (an import
 * records thousands; Hibernate would check every one of them at every flush). Rates and donors are
 * looked up once per import.
 */
public final class ReceiptBatch {

  private final ReceiptRepository receipts;
  private final DonorService donors;
  private final UnoreRateService rates;
  private final PaymentBatch payments;
  private final OutboxBatch events;
  private final Clock clock;
  private final String actor;
  private final Set<DonorCode> knownDonors = new HashSet<>();
  private final Map<String, Function<Money, UsdValue>> valuations = new HashMap<>();
  private final List<Receipt> recorded = new ArrayList<>();
  private final List<Allocation> allocations = new ArrayList<>();

  ReceiptBatch(
      ReceiptRepository receipts,
      DonorService donors,
      UnoreRateService rates,
      PaymentBatch payments,
      OutboxBatch events,
      Clock clock,
      String actor) {
    this.receipts = receipts;
    this.donors = donors;
    this.rates = rates;
    this.payments = payments;
    this.events = events;
    this.clock = clock;
    this.actor = actor;
  }

  /** A receipt from a bank statement, with its bank charges (null if none) from the start. */
  public Receipt record(
      DonorCode donor,
      Money amount,
      LocalDate valueDate,
      String bankReference,
      String remittanceText,
      Money charges) {
    if (!knownDonors.contains(donor)) {
      donors.requireKnown(donor);
      knownDonors.add(donor);
    }
    if (valueDate.isAfter(LocalDate.now(clock))) {
      throw DomainRuleViolation.of(
          DomainRule.DATE_IN_FUTURE, "valueDate " + valueDate + " is in the future");
    }
    // value date, not booking date: UNORE applies when the funds became available
    String rateKey = amount.currency() + "@" + valueDate;
    var valuation = valuations.get(rateKey);
    if (valuation == null) {
      valuation = rates.valuationOn(amount.currency(), valueDate);
      valuations.put(rateKey, valuation);
    }
    var receipt =
        new Receipt(
            donor,
            amount,
            valuation.apply(amount),
            valueDate,
            bankReference,
            remittanceText,
            ReceiptSource.BANK_STATEMENT,
            actor,
            clock.instant());
    if (charges != null) {
      receipt.charged(charges);
    }
    recorded.add(receipt);
    events.add(ReceiptEvents.recorded(receipt, clock.instant()));
    Log.debugf("receipt recorded receiptId=%s donor=%s source=BANK_STATEMENT", receipt.id(), donor);
    return receipt;
  }

  /** Allocates (part of) a receipt of this batch to a pledge the import holds a copy of. */
  public void allocate(Receipt receipt, Pledge pledge, Money amount, Integer instalmentNumber) {
    // the receipt's USD value is split, not each part converted on its own
    var usd = receipt.allocate(amount);
    var applied =
        payments.applyPayment(
            pledge,
            receipt.donorCode(),
            amount,
            instalmentNumber,
            usd,
            receipt.valueDate(),
            receipt.id());
    receipt.nextVersion();
    allocations.add(new Allocation(receipt, applied, amount, usd, actor, clock.instant()));
    events.add(ReceiptEvents.allocated(receipt, clock.instant()));
  }

  /** Writes the receipts recorded and the allocations made since the last flush. */
  public void flush() {
    if (recorded.isEmpty() && allocations.isEmpty()) {
      return;
    }
    receipts
        .getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (var receiptRow =
                      connection.prepareStatement(
                          """
                          insert into receipt (id, donor_code, amount, currency, usd_amount,
                            units_per_usd, rate_effective_from, value_date, bank_reference,
                            remittance_text, allocated, charges_amount, charges_currency, source,
                            recorded_by, recorded_at, version)
                          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                  var allocationRow =
                      connection.prepareStatement(
                          """
                          insert into allocation (id, receipt_id, pledge_id, amount, currency,
                            usd_amount, pledge_rate_usd, exchange_gain, value_date, paid_on,
                            recorded_by, recorded_at)
                          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                  var partRow =
                      connection.prepareStatement(
                          "insert into allocation_instalment (allocation_id, instalment_number,"
                              + " amount) values (?, ?, ?)")) {
                for (var r : recorded) {
                  receiptRow.setObject(1, r.id());
                  receiptRow.setString(2, r.donorCode().value());
                  receiptRow.setBigDecimal(3, r.amount().amount());
                  receiptRow.setString(4, r.amount().currency());
                  receiptRow.setBigDecimal(5, r.valuation().usdAmount());
                  receiptRow.setBigDecimal(6, r.valuation().unitsPerUsd());
                  receiptRow.setObject(7, r.valuation().rateEffectiveFrom());
                  receiptRow.setObject(8, r.valueDate());
                  receiptRow.setString(9, r.bankReference());
                  receiptRow.setString(10, r.remittanceText());
                  receiptRow.setBigDecimal(11, r.allocated().amount());
                  receiptRow.setBigDecimal(12, r.charges() == null ? null : r.charges().amount());
                  receiptRow.setString(13, r.charges() == null ? null : r.charges().currency());
                  receiptRow.setString(14, r.source().name());
                  receiptRow.setString(15, r.recordedBy());
                  receiptRow.setTimestamp(16, Timestamp.from(r.recordedAt()));
                  receiptRow.setLong(17, r.version());
                  receiptRow.addBatch();
                }
                receiptRow.executeBatch();
                for (var a : allocations) {
                  allocationRow.setObject(1, a.id());
                  allocationRow.setObject(2, a.receiptId());
                  allocationRow.setObject(3, a.pledgeId());
                  allocationRow.setBigDecimal(4, a.amount().amount());
                  allocationRow.setString(5, a.amount().currency());
                  allocationRow.setBigDecimal(6, a.usdAmount().amount());
                  allocationRow.setBigDecimal(7, a.pledgeRateUsd().amount());
                  allocationRow.setBigDecimal(8, a.exchangeGain().amount());
                  allocationRow.setObject(9, a.valueDate());
                  allocationRow.setObject(10, a.paidOn());
                  allocationRow.setString(11, a.recordedBy());
                  allocationRow.setTimestamp(12, Timestamp.from(a.recordedAt()));
                  allocationRow.addBatch();
                  for (var part : a.parts()) {
                    partRow.setObject(1, a.id());
                    partRow.setInt(2, part.instalmentNumber());
                    partRow.setBigDecimal(3, part.amount());
                    partRow.addBatch();
                  }
                }
                allocationRow.executeBatch();
                partRow.executeBatch();
              }
            });
    Log.debugf(
        "statement receipts written receipts=%d allocations=%d",
        recorded.size(), allocations.size());
    recorded.clear();
    allocations.clear();
  }
}
