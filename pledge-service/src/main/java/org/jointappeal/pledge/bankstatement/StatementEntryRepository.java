package org.jointappeal.pledge.bankstatement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jointappeal.pledge.paging.Keyset;
import org.jointappeal.pledge.paging.PageRequest;

@ApplicationScoped
public class StatementEntryRepository implements PanacheRepositoryBase<StatementEntry, UUID> {

  /**
   * An entry waits while nobody has allocated its receipt: unidentified (no receipt yet), or
   * unmatched with nothing of its receipt allocated. The first allocation takes it off the queue.
   */
  private static final String WAITING =
      """
      matching <> org.jointappeal.pledge.bankstatement.EntryMatching.AUTO_MATCHED
      and reversedOn is null
      and (receiptId is null
           or receiptId in (select r.id from Receipt r where r.allocated = 0))""";

  List<StatementEntry> ofStatement(UUID bankStatementId) {
    return list(
        "bankStatementId = :statement",
        Sort.ascending("position"),
        Parameters.with("statement", bankStatementId));
  }

  /** Which of these entry references this account's earlier statements already brought. */
  Set<String> alreadyTaken(String accountIban, Collection<String> references) {
    if (references.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        getEntityManager()
            .createQuery(
                "select e.entryReference from StatementEntry e"
                    + " where e.accountIban = :iban and e.entryReference in :refs",
                String.class)
            .setParameter("iban", accountIban)
            .setParameter("refs", references)
            .getResultList());
  }

  /**
   * The earlier, not yet reversed, entries of this account that a reversal names: by entry
   * reference (AcctSvcrRef), else by EndToEndId; oldest first.
   */
  List<StatementEntry> namedBy(
      String accountIban, Collection<String> references, Collection<String> endToEndIds) {
    var found =
        references.isEmpty()
            ? List.<StatementEntry>of()
            : list(
                "accountIban = :iban and entryReference in :refs and reversedOn is null",
                Sort.ascending("valueDate").and("position").and("transactionIndex"),
                Parameters.with("iban", accountIban).and("refs", references));
    if (!found.isEmpty() || endToEndIds.isEmpty()) {
      return found;
    }
    return list(
        "accountIban = :iban and endToEndId in :ids and reversedOn is null",
        Sort.ascending("valueDate").and("position").and("transactionIndex"),
        Parameters.with("iban", accountIban).and("ids", endToEndIds));
  }

  /** A page of the queue, by value date, then position in the statement and id. */
  List<StatementEntry> pageWaiting(PageRequest page) {
    var query = new StringBuilder(WAITING);
    var params = new Parameters();
    if (page.after().isPresent()) {
      var after = page.after().get();
      query.append(" and ").append(Keyset.after("valueDate", "position", "id"));
      params = params.and("k0", after.date(0)).and("k1", after.integer(1)).and("k2", after.uuid(2));
    }
    return find(query.toString(), Sort.ascending("valueDate").and("position").and("id"), params)
        .range(0, page.limit())
        .list();
  }

  Optional<StatementEntry> findWaiting(UUID id) {
    return find("id = :id and " + WAITING, Parameters.with("id", id)).firstResultOptional();
  }
}
