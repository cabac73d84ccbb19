package org.jointappeal.pledge.bankstatement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jointappeal.pledge.paging.PageRequest;

@ApplicationScoped
public class BankStatementRepository implements PanacheRepositoryBase<BankStatement, UUID> {

  Optional<BankStatement> findByStatementId(String accountIban, String statementId) {
    return find(
            "accountIban = :iban and statementId = :id",
            Parameters.with("iban", accountIban).and("id", statementId))
        .firstResultOptional();
  }

  /** A page of statements, the latest import first (then by id, descending: a unique order). */
  List<BankStatement> pageNewestFirst(PageRequest page) {
    var order = Sort.descending("importedAt").and("id", Sort.Direction.Descending);
    if (page.after().isEmpty()) {
      return findAll(order).range(0, page.limit()).list();
    }
    var after = page.after().get();
    return find(
            "importedAt < :k0 or (importedAt = :k0 and id < :k1)",
            order,
            Parameters.with("k0", after.instant(0)).and("k1", after.uuid(1)))
        .range(0, page.limit())
        .list();
  }

  /**
   * Serialises imports for one account until the transaction ends, so that two statements that
   * overlap cannot both take the same entry, and one statement imported twice at once is taken
   * once.
   */
  void lockAccount(String accountIban) {
    getEntityManager()
        .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 20022))")
        .setParameter(1, accountIban)
        .getSingleResult();
  }
}
