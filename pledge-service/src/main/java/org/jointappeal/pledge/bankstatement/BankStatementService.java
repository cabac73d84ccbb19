package org.jointappeal.pledge.bankstatement;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.NotFound;
import org.jointappeal.pledge.StateConflict;
import org.jointappeal.pledge.donor.DonorService;
import org.jointappeal.pledge.donor.PayerAccount;
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.messaging.Outbox;
import org.jointappeal.pledge.messaging.OutboxBatch;
import org.jointappeal.pledge.paging.Cursor;
import org.jointappeal.pledge.paging.Page;
import org.jointappeal.pledge.paging.PageRequest;
import org.jointappeal.pledge.pledge.PledgeService;
import org.jointappeal.pledge.receipt.ReceiptService;
import org.jointappeal.pledge.receipt.ReceiptSource;
import org.jointappeal.pledge.receipt.ReceiptView;

@ApplicationScoped
public class BankStatementService {

  private final BankStatementRepository statements;
  private final StatementEntryRepository entries;
  private final DonorService donors;
  private final ReceiptService receipts;
  private final PledgeService pledges;
  private final PledgeMatcher matcher;
  private final Outbox outbox;
  private final ImportProgress progress;
  private final Event<StatementReceived> received;
  private final BankStatementConfig config;
  private final Clock clock;

  BankStatementService(
      BankStatementRepository statements,
      StatementEntryRepository entries,
      DonorService donors,
      ReceiptService receipts,
      PledgeService pledges,
      PledgeMatcher matcher,
      Outbox outbox,
      ImportProgress progress,
      Event<StatementReceived> received,
      BankStatementConfig config,
      Clock clock) {
    this.statements = statements;
    this.entries = entries;
    this.donors = donors;
    this.receipts = receipts;
    this.pledges = pledges;
    this.matcher = matcher;
    this.outbox = outbox;
    this.progress = progress;
    this.received = received;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Takes a camt.053 statement: the whole file is read and checked first (a fault refuses it, 400
   * or 422, and nothing is written). A statement of at most {@code synchronous-max-entries} entries
   * is then imported at once (201, with what the import did); a larger one, or one arriving while
   * an earlier statement of the account waits, is queued and imported in the background (202, the
   * statement RECEIVED). Either way one transaction imports it: every booked credit not seen before
   * becomes a receipt of the donor holding the payer's account (or waits unidentified), allocated
   * at once when one pledge matches with confidence. The same statement again (Stmt/Id and account)
   * answers with the first: 200 once imported, 202 while it is still on its way.
   */
  // a statement of synchronous-max-entries takes about a second; the limit is a safety net
  @Transactional
  @TransactionConfiguration(timeout = 300)
  public Answer<BankStatementView> importStatement(byte[] xml, String actor) {
    long max = config.maxSize().asLongValue();
    if (xml.length > max) {
      throw new StatementTooLarge(xml.length, max);
    }
    var scanned = Camt053.scan(xml);
    var header = scanned.header();
    var earlier = statements.findCurrent(header.accountIban(), header.id());
    if (earlier.isPresent()) {
      return again(earlier.get());
    }
    if (scanned.entries() > config.synchronousMaxEntries()
        || statements.anyPending(header.accountIban())) {
      return queue(xml, scanned, actor);
    }
    statements.lockAccount(header.accountIban());
    var statement =
        new BankStatement(
            header, scanned.entries(), BankStatementStatus.IMPORTING, actor, clock.instant());
    if (!statements.insertIfAbsent(statement)) {
      return again(statements.findCurrent(header.accountIban(), header.id()).orElseThrow());
    }
    var imported = importEntries(statement, xml, entriesSoFar -> {});
    return Answer.created(location(imported), view(imported));
  }

  private Answer<BankStatementView> again(BankStatement earlier) {
    Log.infof(
        "bank statement already received bankStatementId=%s status=%s",
        earlier.id(), earlier.status());
    return new Answer<>(earlier.status().pending() ? 202 : 200, location(earlier), view(earlier));
  }

  private Answer<BankStatementView> queue(byte[] xml, Camt053.Scanned scanned, String actor) {
    var header = scanned.header();
    var statement =
        new BankStatement(
            header, scanned.entries(), BankStatementStatus.RECEIVED, actor, clock.instant());
    if (!statements.insertIfAbsent(statement)) {
      return again(statements.findCurrent(header.accountIban(), header.id()).orElseThrow());
    }
    statements.storeFile(statement.id(), xml);
    received.fire(new StatementReceived(statement.id()));
    Log.infof(
        "bank statement received bankStatementId=%s entries=%d", statement.id(), scanned.entries());
    return new Answer<>(202, location(statement), view(statement));
  }

  /** The queued statements that may be imported now (see the repository). */
  @Transactional
  List<UUID> runnable() {
    return statements.runnable(20);
  }

  /**
   * Imports a queued statement, in one transaction, unless another import holds it (false). One
   * that ended meanwhile is left alone; one begun too often without ending fails. Progress is
   * written as the chunks are, in transactions of its own. A rule's refusal (a missing rate, say)
   * rolls everything back and is thrown: the caller records it.
   */
  // 10,000 entries take about ten seconds on 2 cores; a file at the size limit, twice that
  @Transactional
  @TransactionConfiguration(timeout = 900)
  boolean importQueued(UUID id) {
    if (!statements.tryTakeImport(id)) {
      return false;
    }
    var status = statements.committedStatus(id);
    if (status.isEmpty() || !status.get().pending()) {
      return true;
    }
    var em = statements.getEntityManager();
    var statement = statements.findById(id);
    int attempts = statement.attempts();
    em.clear(); // read again at the end: the progress is written meanwhile by other transactions
    if (attempts >= config.maxAttempts()) {
      Log.warnf(
          "bank statement import interrupted too often bankStatementId=%s attempts=%d",
          id, attempts);
      progress.ended(
          id,
          BankStatementStatus.FAILED,
          Refusal.internal(
              "the import was begun %d times and interrupted each time (the service stopped);"
                      .formatted(attempts)
                  + " nothing of the statement was written: it may be sent again"));
      return true;
    }
    progress.started(id);
    var xml =
        statements
            .file(id)
            .orElseThrow(() -> new IllegalStateException("no file for statement " + id));
    statements.lockAccount(statement.accountIban());
    var imported =
        importEntries(statement, xml, entriesSoFar -> progress.processed(id, entriesSoFar));
    statements.deleteFile(id);
    Log.infof(
        "bank statement imported in the background bankStatementId=%s entries=%d",
        id, imported.entries());
    return true;
  }

  /**
   * The import itself, in the caller's transaction: the file streamed entry by entry, taken in
   * chunks (see {@link StatementImport}), then the statement's counts.
   */
  private BankStatement importEntries(BankStatement statement, byte[] xml, IntConsumer progressed) {
    var events = new OutboxBatch(outbox);
    var run =
        new StatementImport(
            statement,
            statement.importedBy(),
            config.chunkEntries(),
            statements.getEntityManager(),
            entries,
            donors,
            receipts,
            matcher,
            events,
            pledges.paymentBatch(events, statement.importedBy()),
            progressed);
    Camt053.read(xml, run::take);
    var tally = run.finish();
    var em = statements.getEntityManager();
    em.flush();
    em.clear();
    var imported = statements.findById(statement.id());
    imported.imported(tally, clock.instant());
    em.flush();
    Log.infof(
        "bank statement imported bankStatementId=%s credits=%d autoMatched=%d unmatched=%d",
        imported.id(), imported.credits(), imported.autoMatched(), imported.unmatched());
    return imported;
  }

  /** A receipt for a credit whose donor a finance officer named, in the caller's transaction. */
  private ReceiptView recordReceipt(StatementEntry entry, DonorCode payer, String actor) {
    try {
      var receipt =
          receipts.recordReceipt(
              payer,
              entry.amount(),
              entry.valueDate(),
              entry.entryReference(),
              entry.remittanceText() != null ? entry.remittanceText() : entry.creditorReference(),
              ReceiptSource.BANK_STATEMENT,
              actor);
      if (entry.charges() != null) {
        receipts.charged(receipt.id(), entry.charges());
      }
      return receipt;
    } catch (DomainRuleViolation e) {
      // say which entry, so the finance officer can act on it
      throw DomainRuleViolation.of(
          e.rule(), "Ntry[%d]: %s".formatted(entry.position(), e.getMessage()), e.errors());
    }
  }

  public BankStatementView find(UUID id) {
    return statements
        .findByIdOptional(id)
        .map(this::view)
        .orElseThrow(() -> NotFound.of("bank statement", id));
  }

  /** A page of statements, the latest received first: one query, no entries. */
  public Page<BankStatementSummaryView> list(PageRequest page) {
    return Page.of(statements.pageNewestFirst(page), page, s -> Cursor.of(s.receivedAt(), s.id()))
        .map(BankStatementSummaryView::of);
  }

  /** A page of the queue, by value date, with each credit's candidates. */
  public Page<UnmatchedReceiptView> unmatched(PageRequest page) {
    var waiting =
        Page.of(
            entries.pageWaiting(page), page, e -> Cursor.of(e.valueDate(), e.position(), e.id()));
    return new Page<>(unmatchedViews(waiting.items()), waiting.next());
  }

  public UnmatchedReceiptView findUnmatched(UUID entryId) {
    return entries
        .findWaiting(entryId)
        .map(this::unmatchedView)
        .orElseThrow(() -> NotFound.of("unmatched receipt", entryId));
  }

  /**
   * A finance officer names the donor of an unidentified credit: its receipt is recorded now and it
   * stays in the queue, with suggestions, until allocated.
   */
  @Transactional
  public UnmatchedReceiptView assignDonor(UUID entryId, AssignDonorRequest request, String actor) {
    var entry =
        entries.findWaiting(entryId).orElseThrow(() -> NotFound.of("unmatched receipt", entryId));
    var donor = DonorCode.of(request.donorCode());
    if (entry.receiptId() != null) {
      if (donor.equals(entry.donorCode())) {
        return unmatchedView(entry); // the same assignment again: made once, answered again
      }
      throw StateConflict.of(
          "cannot assign %s: statement entry %s already has donor %s and receipt %s"
              .formatted(donor, entryId, entry.donorCode(), entry.receiptId()));
    }
    var receipt = recordReceipt(entry, donor, actor);
    entry.received(donor, receipt.id());
    entries.flush();
    Log.infof(
        "statement entry assigned entryId=%s donor=%s receiptId=%s", entryId, donor, receipt.id());
    return unmatchedView(entry);
  }

  private UnmatchedReceiptView unmatchedView(StatementEntry entry) {
    return unmatchedViews(List.of(entry)).get(0);
  }

  /**
   * The credits with their candidates. What they need is read for all of them at once (receipts'
   * USD values, the accounts donors hold, the payers' pledges): a few queries, however many.
   */
  private List<UnmatchedReceiptView> unmatchedViews(List<StatementEntry> waiting) {
    var usd =
        receipts.usdValues(
            waiting.stream().map(StatementEntry::receiptId).filter(Objects::nonNull).toList());
    var heldIbans =
        donors.heldIbans(
            waiting.stream().map(StatementEntry::debtorIban).filter(Objects::nonNull).toList());
    var heldAccounts =
        donors.heldAccounts(
            waiting.stream()
                .filter(e -> e.debtorIban() == null)
                .map(StatementEntry::debtorAccount)
                .filter(a -> a != null && !a.scheme().equals(PayerAccount.NO_SCHEME))
                .toList());
    var open =
        matcher.openPledgesOf(
            waiting.stream().map(StatementEntry::donorCode).filter(Objects::nonNull).toList(),
            waiting.stream().map(StatementEntry::referenceText).toList());
    return waiting.stream()
        .map(
            entry -> {
              var outcome =
                  matcher.match(
                      entry.referenceText(),
                      entry.amount(),
                      entry.donorCode(),
                      entry.receiptId() == null ? null : usd.get(entry.receiptId()),
                      open);
              return UnmatchedReceiptView.of(
                  entry, outcome.candidates(), accountRegistrable(entry, heldIbans, heldAccounts));
            })
        .toList();
  }

  /** The entry names a payer account (IBAN or other) that no donor holds. */
  private static boolean accountRegistrable(
      StatementEntry entry, Set<String> heldIbans, Set<PayerAccount> heldAccounts) {
    if (entry.debtorIban() != null) {
      return !heldIbans.contains(entry.debtorIban());
    }
    return entry.debtorAccount() != null
        && !entry.debtorAccount().scheme().equals(PayerAccount.NO_SCHEME)
        && !heldAccounts.contains(entry.debtorAccount());
  }

  /**
   * The unmatched queue's "register the payer account": the account an unmatched credit came from
   * is registered for the donor named (the payer's future credits are identified by it), and an
   * unidentified credit gets that donor and its receipt, as {@link #assignDonor} does.
   */
  @Transactional
  public UnmatchedReceiptView registerPayerAccount(
      UUID entryId, AssignDonorRequest request, String actor) {
    var entry =
        entries.findWaiting(entryId).orElseThrow(() -> NotFound.of("unmatched receipt", entryId));
    var donor = DonorCode.of(request.donorCode());
    if (entry.receiptId() != null && !donor.equals(entry.donorCode())) {
      // the credit is another donor's: its account cannot be this one's (the same donor again
      // goes on, registers nothing new and answers the current state)
      throw StateConflict.of(
          "cannot register the payer account for %s: statement entry %s already has donor %s and"
                  .formatted(donor, entryId, entry.donorCode())
              + " receipt "
              + entry.receiptId());
    }
    if (entry.debtorIban() == null && entry.debtorAccount() == null) {
      throw DomainRuleViolation.of(
          DomainRule.NO_PAYER_ACCOUNT,
          "statement entry %s names no payer account (DbtrAcct) to register".formatted(entryId));
    }
    if (entry.debtorAccount() != null
        && entry.debtorAccount().scheme().equals(PayerAccount.NO_SCHEME)) {
      throw DomainRuleViolation.of(
          DomainRule.INVALID_PAYER_ACCOUNT,
          "statement entry %s names its payer account without a scheme (SchmeNm): register it with"
                  .formatted(entryId)
              + " its scheme through PUT /donors/{code}");
    }
    donors.registerAccount(donor, entry.debtorIban(), entry.debtorAccount());
    if (entry.receiptId() == null) {
      var receipt = recordReceipt(entry, donor, actor);
      entry.received(donor, receipt.id());
    }
    entries.flush();
    Log.infof("statement entry payer account registered entryId=%s donor=%s", entryId, donor);
    return unmatchedView(entry);
  }

  private BankStatementView view(BankStatement statement) {
    return BankStatementView.of(statement, entries.ofStatement(statement.id()));
  }

  private static String location(BankStatement statement) {
    return "/bank-statements/" + statement.id();
  }
}
