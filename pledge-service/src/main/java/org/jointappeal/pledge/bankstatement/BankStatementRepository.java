package org.jointappeal.pledge.bankstatement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.jointappeal.pledge.paging.PageRequest;

@ApplicationScoped
public class BankStatementRepository implements PanacheRepositoryBase<BankStatement, UUID> {

  private static final String NOT_ENDED_IN_VAIN =
      "status not in (org.jointappeal.pledge.bankstatement.BankStatementStatus.REFUSED,"
          + " org.jointappeal.pledge.bankstatement.BankStatementStatus.FAILED)";

  /** The statement with this id for this account, unless it was refused or failed. */
  Optional<BankStatement> findCurrent(String accountIban, String statementId) {
    return find(
            "accountIban = :iban and statementId = :id and " + NOT_ENDED_IN_VAIN,
            Parameters.with("iban", accountIban).and("id", statementId))
        .firstResultOptional();
  }

  /**
   * Records a new statement unless the same one (Stmt/Id and account, not refused or failed) is
   * there: false then. A concurrent request recording the same statement makes this wait for its
   * outcome (the unique index), so a statement is recorded once.
   */
  boolean insertIfAbsent(BankStatement s) {
    return getEntityManager()
        .unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (var insert =
                  connection.prepareStatement(
                      """
                      insert into bank_statement (id, statement_id, account_iban, created_at_bank,
                        status, entries, entries_processed, credits, debits_ignored,
                        not_booked_ignored, duplicates_skipped, receipts_created, auto_matched,
                        unmatched, reversals, imported_by, received_at, attempts)
                      values (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?, 0)
                      on conflict (account_iban, statement_id)
                        where status not in ('REFUSED', 'FAILED') do nothing""")) {
                insert.setObject(1, s.id());
                insert.setString(2, s.statementId());
                insert.setString(3, s.accountIban());
                if (s.createdAtBank() == null) {
                  insert.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                  insert.setTimestamp(4, Timestamp.from(s.createdAtBank()));
                }
                insert.setString(5, s.status().name());
                insert.setInt(6, s.entries());
                insert.setString(7, s.importedBy());
                insert.setTimestamp(8, Timestamp.from(s.receivedAt()));
                return insert.executeUpdate() == 1;
              }
            });
  }

  /** A statement of the account is queued or being imported: a new one must wait behind it. */
  boolean anyPending(String accountIban) {
    return count(
            "accountIban = :iban and status in ("
                + "org.jointappeal.pledge.bankstatement.BankStatementStatus.RECEIVED,"
                + " org.jointappeal.pledge.bankstatement.BankStatementStatus.IMPORTING)",
            Parameters.with("iban", accountIban))
        > 0;
  }

  /**
   * The queued or interrupted imports that may run now, oldest first: of each account only the
   * oldest, so that an account's statements are imported in the order they arrived (an overlapping
   * statement skips what an earlier one brought; a reversal finds the credit it names).
   */
  @SuppressWarnings("unchecked") // native query of one uuid column
  List<UUID> runnable(int limit) {
    return getEntityManager()
        .createNativeQuery(
            """
            select s.id from bank_statement s
            where s.status in ('RECEIVED', 'IMPORTING')
              and not exists (
                select 1 from bank_statement o
                where o.account_iban = s.account_iban and o.status in ('RECEIVED', 'IMPORTING')
                  and o.seq < s.seq)
            order by s.seq
            limit ?1""",
            UUID.class)
        .setParameter(1, limit)
        .getResultList();
  }

  /**
   * Takes the statement's import for this transaction, unless another one (of this instance or
   * another) holds it: PostgreSQL releases it when the transaction ends, or when its connection
   * dies with the process, so a crashed import is free to be taken again.
   */
  boolean tryTakeImport(UUID statementId) {
    return (Boolean)
        getEntityManager()
            .createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(?1, 53))")
            .setParameter(1, statementId.toString())
            .getSingleResult();
  }

  /** The status as committed now, whatever this transaction read before. */
  Optional<BankStatementStatus> committedStatus(UUID statementId) {
    return getEntityManager()
        .createNativeQuery("select status from bank_statement where id = ?1", String.class)
        .setParameter(1, statementId)
        .getResultStream()
        .findFirst()
        .map(s -> BankStatementStatus.valueOf((String) s));
  }

  /**
   * A page of statements, the latest received first (then by id, descending: a unique order).
   * Received, not imported: a statement queued or being imported has no import time yet.
   */
  List<BankStatement> pageNewestFirst(PageRequest page) {
    var order = Sort.descending("receivedAt").and("id", Sort.Direction.Descending);
    if (page.after().isEmpty()) {
      return findAll(order).range(0, page.limit()).list();
    }
    var after = page.after().get();
    return find(
            "receivedAt < :k0 or (receivedAt = :k0 and id < :k1)",
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

  /** Keeps a queued statement's file until its import ends. */
  void storeFile(UUID statementId, byte[] content) {
    getEntityManager()
        .createNativeQuery(
            "insert into bank_statement_file (bank_statement_id, content) values (?1, ?2)")
        .setParameter(1, statementId)
        .setParameter(2, content)
        .executeUpdate();
  }

  Optional<byte[]> file(UUID statementId) {
    return getEntityManager()
        .createNativeQuery(
            "select content from bank_statement_file where bank_statement_id = ?1", byte[].class)
        .setParameter(1, statementId)
        .getResultStream()
        .findFirst()
        .map(content -> (byte[]) content);
  }

  void deleteFile(UUID statementId) {
    getEntityManager()
        .createNativeQuery("delete from bank_statement_file where bank_statement_id = ?1")
        .setParameter(1, statementId)
        .executeUpdate();
  }
}
