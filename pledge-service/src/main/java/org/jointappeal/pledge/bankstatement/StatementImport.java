package org.jointappeal.pledge.bankstatement;

import io.quarkus.logging.Log;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.donor.DonorService;
import org.jointappeal.pledge.messaging.OutboxBatch;
import org.jointappeal.pledge.pledge.PaymentBatch;
import org.jointappeal.pledge.receipt.Receipt;
import org.jointappeal.pledge.receipt.ReceiptBatch;
import org.jointappeal.pledge.receipt.ReceiptService;

/**
 * One import of one statement, inside one transaction: the entries arrive one by one as the file is
 * streamed, and are taken a chunk at a time. Per chunk, what it needs is read at once (the
 * references earlier statements brought, the pledges named by id) and what it did is written at
 * once, in JDBC batches: entries, receipts, allocations, the pledges' new states and history, and
 * the outbox rows, in the order the events happened. Payers' accounts, rates and donors are looked
 * up once per import, the payers' open pledges read (and locked) once.
 *
 * <p>The rules are those of a credit taken one at a time: see {@link #take}. A reversal is rare and
 * goes through the receipts' own reversal, after what came before it is written.
 */
final class StatementImport {

  private final BankStatement statement;
  private final String actor;
  private final int chunkSize;
  private final EntityManager em;
  private final StatementEntryRepository entries;
  private final DonorService donors;
  private final ReceiptService receiptService;
  private final PledgeMatcher matcher;
  private final PledgeMatcher.OpenPledges pledges;
  private final OutboxBatch events;
  private final PaymentBatch payments;
  private final ReceiptBatch receipts;
  private final IntConsumer progress;

  private final ImportTally tally = new ImportTally();
  private final Map<String, Optional<DonorCode>> holders = new HashMap<>();
  private final Set<String> inFile = new HashSet<>();
  private final List<Camt053.Entry> chunk = new ArrayList<>();
  private final List<StatementEntry> unwritten = new ArrayList<>();
  private int processed;

  StatementImport(
      BankStatement statement,
      String actor,
      int chunkSize,
      EntityManager em,
      StatementEntryRepository entries,
      DonorService donors,
      ReceiptService receiptService,
      PledgeMatcher matcher,
      OutboxBatch events,
      PaymentBatch payments,
      IntConsumer progress) {
    this.statement = statement;
    this.actor = actor;
    this.chunkSize = chunkSize;
    this.em = em;
    this.entries = entries;
    this.donors = donors;
    this.receiptService = receiptService;
    this.matcher = matcher;
    this.pledges = matcher.openPledgesForImport();
    this.events = events;
    this.payments = payments;
    this.receipts = receiptService.batch(payments, events, actor);
    this.progress = progress;
  }

  void take(Camt053.Entry entry) {
    chunk.add(entry);
    if (chunk.size() == chunkSize) {
      takeChunk();
    }
  }

  /** Takes what is left and writes everything: the counts the statement keeps. */
  ImportTally finish() {
    takeChunk();
    return tally;
  }

  private void takeChunk() {
    if (chunk.isEmpty()) {
      return;
    }
    var references = new ArrayList<String>();
    var texts = new ArrayList<String>();
    for (var entry : chunk) {
      if (entry.credit() && entry.booked() && !entry.reversal()) {
        references.add(entry.reference());
        texts.add(String.join(" ", entry.endToEndIds()));
        texts.add(String.join(" ", entry.remittanceTexts()));
        texts.add(String.join(" ", entry.creditorReferences()));
      }
    }
    var taken = entries.alreadyTaken(statement.accountIban(), references, statement.id());
    pledges.prefetch(texts);
    for (var entry : chunk) {
      if (!entry.credit()) {
        if (!entry.booked() || !reverse(entry)) {
          tally.debitIgnored();
        }
      } else if (entry.reversal()) {
        // a credit reversing an earlier debit: money back that was ours, not a receipt
        tally.debitIgnored();
      } else if (!entry.booked()) {
        tally.pendingIgnored();
      } else if (taken.contains(entry.reference())
          || !inFile.add(entry.reference() + "#" + entry.transactionIndex())) {
        // an earlier statement brought the entry (all its transactions), or this file repeats it
        tally.credit(true);
      } else {
        tally.credit(false);
        take(entry, new StatementEntry(statement.id(), statement.accountIban(), entry));
      }
    }
    write();
    processed += chunk.size();
    chunk.clear();
    Log.debugf(
        "bank statement chunk written bankStatementId=%s entriesProcessed=%d",
        statement.id(), processed);
    progress.accept(processed);
  }

  /** One new booked credit: receipt of the payer, allocated at once when one pledge is sure. */
  private void take(Camt053.Entry parsed, StatementEntry entry) {
    unwritten.add(entry);
    var payer = payer(parsed, entry);
    if (payer == null) {
      tally.taken(EntryMatching.UNIDENTIFIED, false);
      return;
    }
    Receipt receipt;
    try {
      receipt =
          receipts.record(
              payer,
              entry.amount(),
              entry.valueDate(),
              entry.entryReference(),
              entry.remittanceText() != null ? entry.remittanceText() : entry.creditorReference(),
              entry.charges());
    } catch (DomainRuleViolation e) {
      // the import fails whole; say which entry, so the finance officer can act on it
      throw DomainRuleViolation.of(
          e.rule(), "Ntry[%d]: %s".formatted(entry.position(), e.getMessage()), e.errors());
    }
    entry.received(payer, receipt.id());
    var confident =
        matcher.confident(
            entry.referenceText(), entry.amount(), payer, receipt.valuation().usd(), pledges);
    if (confident.isPresent()) {
      var match = confident.get();
      receipts.allocate(receipt, match.pledge(), match.allocate(), match.instalmentNumber());
      entry.autoMatched(match.pledge().id());
      pledges.allocated(match.pledge());
      Log.debugf(
          "statement entry matched entryId=%s receiptId=%s pledgeId=%s reason=%s",
          entry.id(), receipt.id(), match.pledge().id(), match.reason());
    }
    tally.taken(entry.matching(), true);
  }

  /** Who pays: the holder of the IBAN or other account, else the donor of a pledge named. */
  private DonorCode payer(Camt053.Entry parsed, StatementEntry entry) {
    Optional<DonorCode> holder = Optional.empty();
    if (parsed.debtorIban() != null) {
      holder =
          holders.computeIfAbsent(
              "IBAN " + parsed.debtorIban(), k -> donors.holderOfIban(parsed.debtorIban()));
    } else if (parsed.debtorAccount() != null) {
      var account = parsed.debtorAccount();
      holder =
          holders.computeIfAbsent(
              "ACCOUNT " + account.scheme() + " " + account.identifier(),
              k -> donors.holderOfAccount(account));
    }
    if (holder.isPresent()) {
      return holder.get();
    }
    var named = matcher.donorNamedBy(entry.referenceText(), pledges);
    named.ifPresent(
        donor ->
            Log.debugf(
                "statement entry payer identified by its pledge reference entryId=%s donor=%s",
                entry.id(), donor));
    return named.orElse(null);
  }

  /**
   * A booked debit that reverses an earlier credit of this account: {@code RvslInd} true, or a
   * debit naming the credit (its AcctSvcrRef in TxDtls/Refs, else its EndToEndId) for the same
   * amount. The credit's receipt is reversed as of the debit's booking date. Returns false when it
   * reverses nothing known (an ordinary debit, or a reversal of a credit already reversed).
   */
  private boolean reverse(Camt053.Entry parsed) {
    var references = new ArrayList<>(parsed.relatedReferences());
    if (parsed.reversal()) {
      // some banks repeat the reversed entry's own reference on the reversal
      references.add(parsed.reference());
    }
    if (namesUnwritten(references, parsed.endToEndIds())) {
      write(); // a credit earlier in this file: its row must be there to be found
    }
    var named =
        entries.namedBy(statement.accountIban(), references, parsed.endToEndIds()).stream()
            .filter(e -> e.amount().equals(parsed.amount()))
            .findFirst();
    if (named.isEmpty()) {
      if (parsed.reversal()) {
        Log.warnf(
            "reversal names no credit of this account bankStatementId=%s position=%d",
            statement.id(), parsed.position());
      }
      return false;
    }
    // what the receipts' reversal reads (receipt, allocations, pledges) must be written first
    write();
    var original = named.get();
    LocalDate on = parsed.reversalDate();
    original.reversed(on, parsed.reference());
    List<UUID> reopened = List.of();
    if (original.receiptId() != null) {
      // the pledges owe the money again: later credits of the file may pay them
      reopened = receiptService.reverse(original.receiptId(), on, parsed.reference(), actor);
    }
    em.flush();
    em.clear(); // the import's own copies stay the only ones it changes
    pledges.reread(reopened);
    tally.reversal();
    Log.infof(
        "statement entry reversed entryId=%s receiptId=%s reversedOn=%s",
        original.id(), original.receiptId(), on);
    return true;
  }

  private boolean namesUnwritten(List<String> references, List<String> endToEndIds) {
    for (var e : unwritten) {
      if (references.contains(e.entryReference())
          || (e.endToEndId() != null && endToEndIds.contains(e.endToEndId()))) {
        return true;
      }
    }
    return false;
  }

  /** Everything taken so far, in the order the foreign keys need. */
  private void write() {
    receipts.flush();
    payments.flush();
    entries.insertAll(unwritten);
    unwritten.clear();
    events.flush();
  }
}
