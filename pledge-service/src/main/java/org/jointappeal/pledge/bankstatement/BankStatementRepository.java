package org.jointappeal.pledge.bankstatement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BankStatementRepository implements PanacheRepositoryBase<BankStatement, UUID> {

  Optional<BankStatement> findByStatementId(String accountIban, String statementId) {
    return find(
            "accountIban = :iban and statementId = :id",
            Parameters.with("iban", accountIban).and("id", statementId))
        .firstResultOptional();
  }

  List<BankStatement> newestFirst() {
    return listAll(Sort.descending("importedAt").and("id"));
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
