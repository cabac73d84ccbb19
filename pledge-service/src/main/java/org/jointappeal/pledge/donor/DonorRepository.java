package org.jointappeal.pledge.donor;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads take the caller's scope: a donor finds only itself. */
@ApplicationScoped
public class DonorRepository implements PanacheRepositoryBase<Donor, String> {

  Optional<Donor> findInScope(DonorCode code, DonorScope scope) {
    return scope.includes(code) ? findByIdOptional(code.value()) : Optional.empty();
  }

  List<Donor> listInScope(DonorScope scope) {
    return scope
        .restrictedTo()
        .map(own -> findByIdOptional(own.value()).map(List::of).orElse(List.of()))
        .orElseGet(() -> listAll(Sort.ascending("code")));
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
