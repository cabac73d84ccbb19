package org.jointappeal.pledge.donor;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.paging.Keyset;
import org.jointappeal.pledge.paging.PageRequest;

/** Reads take the caller's scope: a donor finds only itself. */
@ApplicationScoped
public class DonorRepository implements PanacheRepositoryBase<Donor, String> {

  Optional<Donor> findInScope(DonorCode code, DonorScope scope) {
    return scope.includes(code) ? findByIdOptional(code.value()) : Optional.empty();
  }

  /**
   * A page of donors by code (a donor's page holds itself only), with their IBANs and other
   * accounts: three queries whatever the page's size (each collection in one query for the whole
   * page, not one per donor).
   */
  List<Donor> pageInScope(DonorScope scope, PageRequest page) {
    var query = new StringBuilder("1 = 1");
    var params = new Parameters();
    if (scope.restrictedTo().isPresent()) {
      query.append(" and code = :own");
      params = params.and("own", scope.restrictedTo().get().value());
    }
    if (page.after().isPresent()) {
      query.append(" and ").append(Keyset.after("code"));
      params = params.and("k0", page.after().get().string(0, DonorCode.FORMAT));
    }
    var donors =
        find(query.toString(), Sort.ascending("code"), params).range(0, page.limit()).list();
    if (!donors.isEmpty()) {
      // fetched into the donors just read (the same session): their collections are then loaded
      getEntityManager()
          .createQuery(
              "select distinct d from Donor d left join fetch d.ibans where d in :page",
              Donor.class)
          .setParameter("page", donors)
          .getResultList();
      getEntityManager()
          .createQuery(
              "select distinct d from Donor d left join fetch d.accounts where d in :page",
              Donor.class)
          .setParameter("page", donors)
          .getResultList();
    }
    return donors;
  }

  /**
   * Whether the donor is registered, read without loading it: a command that only checks leaves
   * nothing in the session to be dirty-checked at each flush.
   */
  boolean isRegistered(String code) {
    return !getEntityManager()
        .createQuery("select 1 from Donor d where d.code = :code", Integer.class)
        .setParameter("code", code)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Donor codes other than {@code except} that already hold one of these IBANs. */
  List<String> holdersOf(Collection<String> ibans, DonorCode except) {
    if (ibans.isEmpty()) {
      return List.of();
    }
    return getEntityManager()
        .createQuery(
            "select d.code from Donor d join d.ibans i where i in :ibans and d.code <> :code",
            String.class)
        .setParameter("ibans", ibans)
        .setParameter("code", except.value())
        .getResultList();
  }

  /** Which of these IBANs a donor holds. */
  List<String> heldIbans(Collection<String> ibans) {
    return getEntityManager()
        .createQuery("select i from Donor d join d.ibans i where i in :ibans", String.class)
        .setParameter("ibans", ibans)
        .getResultList();
  }

  /** Which of these accounts (scheme and identifier) a donor holds. */
  List<PayerAccount> heldAccounts(Collection<PayerAccount> accounts) {
    var wanted = Set.copyOf(accounts);
    return getEntityManager()
        .createQuery(
            "select a.scheme, a.identifier from Donor d join d.accounts a"
                + " where a.identifier in :ids",
            Object[].class)
        .setParameter("ids", accounts.stream().map(PayerAccount::identifier).distinct().toList())
        .getResultStream()
        .map(row -> PayerAccount.of((String) row[0], (String) row[1]))
        .filter(wanted::contains)
        .toList();
  }

  /** The donor that registered this (normalised) IBAN, if any: an IBAN belongs to one donor. */
  Optional<String> holderOf(String iban) {
    return getEntityManager()
        .createQuery("select d.code from Donor d join d.ibans i where i = :iban", String.class)
        .setParameter("iban", iban)
        .getResultStream()
        .findFirst();
  }

  /**
   * The donor holding this account: by scheme and identifier; a statement naming no scheme matches
   * the identifier under any scheme, when only one donor holds it.
   */
  Optional<String> holderOf(PayerAccount account) {
    if (account.scheme().equals(PayerAccount.NO_SCHEME)) {
      var holders =
          getEntityManager()
              .createQuery(
                  "select distinct d.code from Donor d join d.accounts a"
                      + " where a.identifier = :id order by d.code",
                  String.class)
              .setParameter("id", account.identifier())
              .getResultList();
      return holders.size() == 1 ? Optional.of(holders.get(0)) : Optional.empty();
    }
    return getEntityManager()
        .createQuery(
            "select d.code from Donor d join d.accounts a"
                + " where a.scheme = :scheme and a.identifier = :id",
            String.class)
        .setParameter("scheme", account.scheme())
        .setParameter("id", account.identifier())
        .getResultStream()
        .findFirst();
  }
}
