package org.jointappeal.pledge.bankstatement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Types;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
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

  /**
   * Which of these entry references this account's other statements already brought (the unique
   * key's index answers it). The statement's own entries do not count: a batch booking's
   * transactions may be written in two chunks of one import.
   */
  Set<String> alreadyTaken(
      String accountIban, Collection<String> references, UUID exceptStatementId) {
    if (references.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        getEntityManager()
            .createQuery(
                "select e.entryReference from StatementEntry e"
                    + " where e.accountIban = :iban and e.entryReference in :refs"
                    + " and e.bankStatementId <> :statement",
                String.class)
            .setParameter("iban", accountIban)
            .setParameter("refs", references)
            .setParameter("statement", exceptStatementId)
            .getResultList());
  }

  /**
   * Writes new entries in one JDBC batch, outside the persistence context: an import writes
   * thousands, and Hibernate would check each of them at every flush. Their version is 0, as a
   * persist would write it.
   */
  void insertAll(List<StatementEntry> written) {
    if (written.isEmpty()) {
      return;
    }
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (var insert =
                  connection.prepareStatement(
                      """
                      insert into statement_entry (id, bank_statement_id, position, account_iban,
                        entry_reference, amount, currency, value_date, debtor_iban, end_to_end_id,
                        remittance_text, creditor_reference, matching, donor_code, receipt_id,
                        pledge_id, version, transaction_index, debtor_account_scheme,
                        debtor_account_id, charges_amount, charges_currency)
                      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)""")) {
                for (var e : written) {
                  insert.setObject(1, e.id());
                  insert.setObject(2, e.bankStatementId());
                  insert.setInt(3, e.position());
                  insert.setString(4, e.accountIban());
                  insert.setString(5, e.entryReference());
                  insert.setBigDecimal(6, e.amount().amount());
                  insert.setString(7, e.amount().currency());
                  insert.setObject(8, e.valueDate());
                  insert.setString(9, e.debtorIban());
                  insert.setString(10, e.endToEndId());
                  insert.setString(11, e.remittanceText());
                  insert.setString(12, e.creditorReference());
                  insert.setString(13, e.matching().name());
                  insert.setString(14, e.donorCode() == null ? null : e.donorCode().value());
                  insert.setObject(15, e.receiptId(), Types.OTHER);
                  insert.setObject(16, e.pledgeId(), Types.OTHER);
                  insert.setInt(17, e.transactionIndex());
                  var account = e.debtorAccount();
                  insert.setString(18, account == null ? null : account.scheme());
                  insert.setString(19, account == null ? null : account.identifier());
                  insert.setBigDecimal(20, e.charges() == null ? null : e.charges().amount());
                  insert.setString(21, e.charges() == null ? null : e.charges().currency());
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
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
