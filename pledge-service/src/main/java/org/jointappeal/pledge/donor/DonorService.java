package org.jointappeal.pledge.donor;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.jointappeal.pledge.AlreadyExists;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.NotFound;
import org.jointappeal.pledge.VersionConflict;
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.idempotency.IdempotencyKey;
import org.jointappeal.pledge.idempotency.IdempotentRequests;
import org.jointappeal.pledge.paging.Cursor;
import org.jointappeal.pledge.paging.Page;
import org.jointappeal.pledge.paging.PageRequest;

@ApplicationScoped
public class DonorService {

  private final DonorRepository donors;
  private final IdempotentRequests idempotency;
  private final Clock clock;

  DonorService(DonorRepository donors, IdempotentRequests idempotency, Clock clock) {
    this.donors = donors;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  @Transactional
  public Answer<DonorView> register(
      RegisterDonorRequest request, String actor, IdempotencyKey key) {
    var replay = idempotency.claim(actor, key, "register-donor", request, DonorView.class);
    if (replay.isPresent()) {
      return replay.get();
    }
    var code = DonorCode.of(request.code());
    if (donors.findByIdOptional(code.value()).isPresent()) {
      throw AlreadyExists.of("donor", code);
    }
    var ibans = ibans(request.ibans(), code);
    var accounts = accounts(request.accounts(), code);
    var donor = new Donor(code, request.name(), request.kind(), ibans, accounts, clock.instant());
    donors.persist(donor);
    donors.flush();
    var answer = Answer.created("/donors/" + code, DonorView.of(donor));
    idempotency.complete(actor, key, answer);
    Log.infof("donor registered donor=%s kind=%s", code, request.kind());
    return answer;
  }

  @Transactional
  public DonorView revise(
      DonorCode code, ReviseDonorRequest request, OptionalLong expectedVersion) {
    var donor = donors.findByIdOptional(code.value()).orElseThrow(() -> NotFound.of("donor", code));
    expectedVersion.ifPresent(
        expected -> {
          if (expected != donor.version()) {
            throw VersionConflict.of("donor", code, expected, donor.version());
          }
        });
    donor.revise(
        request.name(),
        ibans(request.ibans(), code),
        request.accounts() == null ? null : accounts(request.accounts(), code));
    donors.flush();
    Log.infof("donor revised donor=%s", code);
    return DonorView.of(donor);
  }

  public DonorView find(DonorCode code, DonorScope scope) {
    return donors
        .findInScope(code, scope)
        .map(DonorView::of)
        .orElseThrow(() -> NotFound.of("donor", code));
  }

  /** A page of the registry by code; a donor's holds only itself. */
  public Page<DonorView> list(DonorScope scope, PageRequest page) {
    return Page.of(donors.pageInScope(scope, page), page, d -> Cursor.of(d.code().value()))
        .map(DonorView::of);
  }

  /** Pledges name a donor of the registry, or the rule that says no. */
  public void requireKnown(DonorCode code) {
    if (!donors.isRegistered(code.value())) {
      throw DomainRuleViolation.of(
          DomainRule.UNKNOWN_DONOR, "donor " + code + " is not in the donors registry");
    }
  }

  /** Who pays from this account: bank statement matching identifies the payer by it. */
  public Optional<DonorCode> holderOfIban(String normalisedIban) {
    return donors.holderOf(normalisedIban).map(DonorCode::of);
  }

  /**
   * Who pays from this account. A statement that names the scheme is matched on scheme and
   * identifier; one that names none ({@link PayerAccount#NO_SCHEME}) on the identifier alone, when
   * exactly one donor holds it.
   */
  public Optional<DonorCode> holderOfAccount(PayerAccount account) {
    return donors.holderOf(account).map(DonorCode::of);
  }

  /** Which of these (normalised) IBANs some donor holds: one query for them all. */
  public Set<String> heldIbans(Collection<String> normalisedIbans) {
    return normalisedIbans.isEmpty() ? Set.of() : Set.copyOf(donors.heldIbans(normalisedIbans));
  }

  /** Which of these accounts (each with its scheme) some donor holds: one query for them all. */
  public Set<PayerAccount> heldAccounts(Collection<PayerAccount> accounts) {
    return accounts.isEmpty() ? Set.of() : Set.copyOf(donors.heldAccounts(accounts));
  }

  /**
   * Registers the account an unmatched statement entry came from for a donor (the unmatched queue's
   * "register the payer account"); nothing happens when the donor holds it already.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void registerAccount(DonorCode code, String iban, PayerAccount account) {
    var donor = donors.findByIdOptional(code.value()).orElseThrow(() -> NotFound.of("donor", code));
    if (iban != null) {
      ibans(List.of(iban), code);
      donor.addIban(iban);
    } else {
      accounts(List.of(new PayerAccountRequest(account.scheme(), account.identifier())), code);
      donor.addAccount(account);
    }
    donors.flush();
    Log.infof("donor account registered donor=%s", code);
  }

  public Optional<DonorView> findByCode(DonorCode code) {
    return donors.findByIdOptional(code.value()).map(DonorView::of);
  }

  private Set<PayerAccount> accounts(List<PayerAccountRequest> raw, DonorCode owner) {
    var accounts = new HashSet<PayerAccount>();
    if (raw != null) {
      raw.forEach(a -> accounts.add(a.toAccount()));
    }
    for (var account : accounts) {
      var holder = donors.holderOf(account).filter(h -> !h.equals(owner.value()));
      if (holder.isPresent() && !account.scheme().equals(PayerAccount.NO_SCHEME)) {
        throw DomainRuleViolation.of(
            DomainRule.ACCOUNT_OF_ANOTHER_DONOR,
            "the %s account given is already registered for donor %s"
                .formatted(account.masked(), holder.get()));
      }
    }
    return accounts;
  }

  private Set<String> ibans(List<String> raw, DonorCode owner) {
    var ibans = new TreeSet<String>();
    if (raw != null) {
      raw.forEach(iban -> ibans.add(Iban.normalise(iban)));
    }
    var holders = donors.holdersOf(ibans, owner);
    if (!holders.isEmpty()) {
      throw DomainRuleViolation.of(
          DomainRule.IBAN_OF_ANOTHER_DONOR,
          "an IBAN given is already registered for donor " + holders.get(0));
    }
    return ibans;
  }
}
