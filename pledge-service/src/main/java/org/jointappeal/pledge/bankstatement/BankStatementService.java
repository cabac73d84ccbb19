package org.jointappeal.pledge.bankstatement;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.NotFound;
import org.jointappeal.pledge.StateConflict;
import org.jointappeal.pledge.donor.DonorCode;
import org.jointappeal.pledge.donor.DonorService;
import org.jointappeal.pledge.donor.PayerAccount;
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.money.MoneyRequest;
import org.jointappeal.pledge.paging.Cursor;
import org.jointappeal.pledge.paging.Page;
import org.jointappeal.pledge.paging.PageRequest;
import org.jointappeal.pledge.receipt.AllocateReceiptRequest;
import org.jointappeal.pledge.receipt.ReceiptService;
import org.jointappeal.pledge.receipt.ReceiptSource;

@ApplicationScoped
public class BankStatementService {

  /** Entries taken between two flushes that clear the session (see flushAndForget). */
  private static final int ENTRIES_PER_FLUSH = 100;

  private final BankStatementRepository statements;
  private final StatementEntryRepository entries;
  private final DonorService donors;
  private final ReceiptService receipts;
  private final PledgeMatcher matcher;
  private final BankStatementConfig config;
  private final Clock clock;

  BankStatementService(
      BankStatementRepository statements,
      StatementEntryRepository entries,
      DonorService donors,
      ReceiptService receipts,
      PledgeMatcher matcher,
      BankStatementConfig config,
      Clock clock) {
    this.statements = statements;
    this.entries = entries;
    this.donors = donors;
    this.receipts = receipts;
    this.matcher = matcher;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Imports a camt.053 statement in one transaction: every booked credit not seen before becomes a
   * receipt of the donor holding the payer's IBAN (or waits unidentified), allocated at once when
   * one pledge matches with confidence. Anything wrong with the file refuses it whole. The same
   * statement again (Stmt/Id and account) answers 200 with the first import and writes nothing.
   */
  // one transaction for the whole file: 10,000 entries take about two minutes on 2 cores (the
  // benchmark), a file at the 10 MB limit about twice that, far beyond the default 60 s
  @Transactional
  @TransactionConfiguration(timeout = 900)
  public Answer<BankStatementView> importStatement(byte[] xml, String actor) {
    long max = config.maxSize().asLongValue();
    if (xml.length > max) {
      throw new StatementTooLarge(xml.length, max);
    }
    var parsed = Camt053.parse(xml);
    statements.lockAccount(parsed.accountIban());
    var earlier = statements.findByStatementId(parsed.accountIban(), parsed.id());
    if (earlier.isPresent()) {
      Log.infof("bank statement already imported bankStatementId=%s", earlier.get().id());
      return new Answer<>(200, location(earlier.get()), view(earlier.get()));
    }
    var statement =
        new BankStatement(
            parsed.id(),
            parsed.accountIban(),
            parsed.createdAt(),
            parsed.entries().size(),
            actor,
            clock.instant());
    statements.persist(statement);
    var taken =
        new HashSet<>(
            entries.alreadyTaken(
                parsed.accountIban(),
                parsed.entries().stream().map(Camt053.Entry::reference).toList()));
    var inFile = new HashSet<String>();
    var open = matcher.openPledges();
    int takenSinceClear = 0;
    for (var entry : parsed.entries()) {
      if (!entry.credit()) {
        if (!entry.booked() || !reverse(statement, entry, actor, open)) {
          statement.debitIgnored();
        }
      } else if (entry.reversal()) {
        // a credit reversing an earlier debit: money back that was ours, not a receipt
        statement.debitIgnored();
      } else if (!entry.booked()) {
        statement.pendingIgnored();
      } else if (taken.contains(entry.reference())
          || !inFile.add(entry.reference() + "#" + entry.transactionIndex())) {
        // an earlier statement brought the entry (all its transactions), or this file repeats it
        statement.credit(true);
      } else {
        statement.credit(false);
        take(statement, entry, actor, open);
        if (++takenSinceClear == ENTRIES_PER_FLUSH) {
          statement = flushAndForget(statement);
          takenSinceClear = 0;
        }
      }
    }
    statements.flush();
    Log.infof(
        "bank statement imported bankStatementId=%s credits=%d autoMatched=%d unmatched=%d",
        statement.id(), statement.credits(), statement.autoMatched(), statement.unmatched());
    return Answer.created(location(statement), view(statement));
  }

  /**
   * Writes what the last entries did and forgets their entities, still in the one transaction:
   * every flush (each receipt, allocation and outbox row flushes) checks each entity the session
   * holds, so without this an import slowed with every entry (3,000 entries: 7 per second, falling;
   * 10,000 did not finish in 15 minutes).
   */
  private BankStatement flushAndForget(BankStatement statement) {
    statements.flush();
    statements.getEntityManager().clear();
    return statements.findById(statement.id());
  }

  /**
   * A booked debit that reverses an earlier credit of this account: {@code RvslInd} true, or a
   * debit naming the credit (its AcctSvcrRef in TxDtls/Refs, else its EndToEndId) for the same
   * amount. The credit's receipt is reversed as of the debit's booking date. Returns false when it
   * reverses nothing known (an ordinary debit, or a reversal of a credit already reversed).
   */
  private boolean reverse(
      BankStatement statement, Camt053.Entry parsed, String actor, PledgeMatcher.OpenPledges open) {
    var references = new java.util.ArrayList<>(parsed.relatedReferences());
    if (parsed.reversal()) {
      // some banks repeat the reversed entry's own reference on the reversal
      references.add(parsed.reference());
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
    var original = named.get();
    LocalDate on = parsed.reversalDate();
    original.reversed(on, parsed.reference());
    if (original.receiptId() != null) {
      // the pledges owe the money again: later credits of the file may pay them
      receipts.reverse(original.receiptId(), on, parsed.reference(), actor).forEach(open::reopened);
    }
    statement.reversal();
    Log.infof(
        "statement entry reversed entryId=%s receiptId=%s reversedOn=%s",
        original.id(), original.receiptId(), on);
    return true;
  }

  /** Who pays: the holder of the IBAN or other account, else the donor of a pledge named. */
  private DonorCode payer(Camt053.Entry parsed, StatementEntry entry) {
    Optional<DonorCode> holder = Optional.empty();
    if (parsed.debtorIban() != null) {
      holder = donors.holderOfIban(parsed.debtorIban());
    } else if (parsed.debtorAccount() != null) {
      holder = donors.holderOfAccount(parsed.debtorAccount());
    }
    if (holder.isPresent()) {
      return holder.get();
    }
    var named = matcher.donorNamedBy(entry.referenceText());
    named.ifPresent(
        donor ->
            Log.infof(
                "statement entry payer identified by its pledge reference entryId=%s donor=%s",
                entry.id(), donor));
    return named.orElse(null);
  }

  /** One new booked credit: receipt, matching, allocation when confident. */
  private void take(
      BankStatement statement, Camt053.Entry parsed, String actor, PledgeMatcher.OpenPledges open) {
    var entry = new StatementEntry(statement.id(), statement.accountIban(), parsed);
    entries.persist(entry);
    var payer = payer(parsed, entry);
    if (payer == null) {
      statement.taken(EntryMatching.UNIDENTIFIED, false);
      return;
    }
    var receipt = recordReceipt(entry, payer, actor);
    entry.received(payer, receipt.id());
    var confident =
        matcher.confident(entry.referenceText(), entry.amount(), payer, receipt.usdValue(), open);
    if (confident.isPresent()) {
      var match = confident.get();
      receipts.allocateNow(
          receipt.id(),
          new AllocateReceiptRequest(
              match.pledge().id(),
              new MoneyRequest(match.allocate().amount(), match.allocate().currency()),
              match.instalmentNumber()),
          actor);
      entry.autoMatched(match.pledge().id());
      open.allocated(match.pledge().id());
      Log.infof(
          "statement entry matched entryId=%s receiptId=%s pledgeId=%s reason=%s",
          entry.id(), receipt.id(), match.pledge().id(), match.reason());
    }
    statement.taken(entry.matching(), true);
  }

  private org.jointappeal.pledge.receipt.ReceiptView recordReceipt(
      StatementEntry entry, DonorCode payer, String actor) {
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
      // the import fails whole; say which entry, so the finance officer can act on it
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

  /** A page of statements, the latest import first: one query, no entries. */
  public Page<BankStatementSummaryView> list(PageRequest page) {
    return Page.of(statements.pageNewestFirst(page), page, s -> Cursor.of(s.importedAt(), s.id()))
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
