package org.jointappeal.pledge.pledge;

import io.quarkus.logging.Log;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.messaging.OutboxBatch;
import org.jointappeal.pledge.money.Money;

/**
 * Payments of one bank statement import, applied to detached copies of the pledges (loaded, and
 * locked, by the import) and written in JDBC batches: what {@link PledgeService#applyPayment} does
 * one payment and one flush at a time. Each payment counts in the pledge's version, so its event
 * carries the version it made (consumers ignore an event older than what they hold); a flush writes
 * each pledge's last state once, checking the version it was read with.
 */
public final class PaymentBatch {

  private final PledgeRepository pledges;
  private final OutboxBatch events;
  private final Clock clock;
  private final String actor;

  /** The pledges changed since the last flush, with the version their row has now. */
  private final Map<UUID, Long> rowVersions = new LinkedHashMap<>();

  private final Map<UUID, Pledge> changed = new LinkedHashMap<>();
  private final List<PledgeHistoryEntry> history = new ArrayList<>();

  PaymentBatch(PledgeRepository pledges, OutboxBatch events, Clock clock, String actor) {
    this.pledges = pledges;
    this.events = events;
    this.clock = clock;
    this.actor = actor;
  }

  /** The rules and effects of {@link PledgeService#applyPayment}, on the import's copy. */
  public PaymentApplied applyPayment(
      Pledge pledge,
      DonorCode payer,
      Money payment,
      Integer instalmentNumber,
      Money usd,
      LocalDate valueDate,
      UUID receiptId) {
    if (!pledge.donorCode().equals(payer)) {
      throw DomainRuleViolation.of(
          DomainRule.ALLOCATION_DONOR_DIFFERS,
          "the receipt is from %s, pledge %s is %s's"
              .formatted(payer, pledge.id(), pledge.donorCode()));
    }
    var paidBefore = pledge.paid();
    var parts = pledge.receivePayment(payment, instalmentNumber, usd);
    var pledgeRateUsd = pledge.pledgeRateShare(paidBefore, pledge.paid());
    rowVersions.putIfAbsent(pledge.id(), pledge.version());
    pledge.nextVersion();
    changed.put(pledge.id(), pledge);
    var now = clock.instant();
    events.add(PledgeEvents.paymentAllocated(pledge, valueDate, now));
    history.add(
        new PledgeHistoryEntry(
            pledge, "PAYMENT_ALLOCATED", actor, now, valueDate, "receipt " + receiptId));
    Log.debugf(
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

  /** This pledge has changes not yet written. */
  public boolean hasPending(UUID pledgeId) {
    return changed.containsKey(pledgeId);
  }

  /**
   * Writes the changed pledges (status and USD paid, and each instalment's paid amount and status:
   * all a payment changes) and their history, checking that each row still has the version the copy
   * was read with.
   */
  public void flush() {
    if (changed.isEmpty()) {
      return;
    }
    pledges
        .getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (var pledgeRow =
                      connection.prepareStatement(
                          "update pledge set status = ?, paid_usd = ?, version = ?"
                              + " where id = ? and version = ?");
                  var instalmentRow =
                      connection.prepareStatement(
                          "update instalment set paid = ?, status = ?"
                              + " where pledge_id = ? and number = ?");
                  var historyRow =
                      connection.prepareStatement(
                          """
                          insert into pledge_history (pledge_id, version, action, actor,
                            recorded_at, occurred_on, detail)
                          values (?, ?, ?, ?, ?, ?, ?)""")) {
                var order = new ArrayList<UUID>();
                for (var pledge : changed.values()) {
                  order.add(pledge.id());
                  pledgeRow.setString(1, pledge.status().name());
                  pledgeRow.setBigDecimal(2, pledge.paidUsd().amount());
                  pledgeRow.setLong(3, pledge.version());
                  pledgeRow.setObject(4, pledge.id());
                  pledgeRow.setLong(5, rowVersions.get(pledge.id()));
                  pledgeRow.addBatch();
                  for (var instalment : pledge.instalments()) {
                    instalmentRow.setBigDecimal(1, instalment.paid());
                    instalmentRow.setString(2, instalment.status().name());
                    instalmentRow.setObject(3, pledge.id());
                    instalmentRow.setInt(4, instalment.number());
                    instalmentRow.addBatch();
                  }
                }
                int[] updated = pledgeRow.executeBatch();
                for (int i = 0; i < updated.length; i++) {
                  if (updated[i] == 0) {
                    // never a lost update: the import holds the payer's open pledges locked
                    throw new SQLException(
                        "pledge " + order.get(i) + " changed while the import held it");
                  }
                }
                instalmentRow.executeBatch();
                for (var entry : history) {
                  historyRow.setObject(1, entry.pledgeId());
                  historyRow.setLong(2, entry.version());
                  historyRow.setString(3, entry.action());
                  historyRow.setString(4, entry.actor());
                  historyRow.setTimestamp(5, Timestamp.from(entry.recordedAt()));
                  historyRow.setObject(6, entry.occurredOn());
                  historyRow.setString(7, entry.detail());
                  historyRow.addBatch();
                }
                historyRow.executeBatch();
              }
            });
    changed.clear();
    rowVersions.clear();
    history.clear();
  }
}
