package org.jointappeal.appeal.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.jointappeal.appeal.messaging.PledgeStateV1;
import org.jointappeal.appeal.money.Money;

/**
 * Every pledge state the projection applied, once per pledge version, with its business date. The
 * figures at the end of a date are those of each pledge's newest version that occurred by then, so
 * they do not depend on the order the events arrived in. {@code pledge_copy} beside it holds each
 * pledge's newest version only: it tells whether a state changes today's figures.
 */
@ApplicationScoped
public class PledgeStateHistory {

  /** Later than any business date: "now" is the newest version of each pledge. */
  static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

  private final EntityManager em;

  PledgeStateHistory(EntityManager em) {
    this.em = em;
  }

  /** A pledge state as an event brought it, with the event's business date. */
  record Applied(PledgeStateV1 state, LocalDate occurredOn) {}

  /**
   * Keeps the states in one JDBC batch; a version already kept (a redelivery) changes nothing. Then
   * takes each into {@code pledge_copy}, the newest version per pledge, and answers which of them
   * were newer than what it held: only those change today's figures.
   */
  List<Boolean> keepAll(List<Applied> applied, Instant appliedAt) {
    var changed = new ArrayList<Boolean>(applied.size());
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (var history = connection.prepareStatement(INSERT_STATE);
                  var copy = connection.prepareStatement(UPSERT_COPY)) {
                var at = Timestamp.from(appliedAt);
                for (Applied a : applied) {
                  bindState(history, a, at);
                  history.addBatch();
                  var s = a.state();
                  copy.setObject(1, s.pledgeId());
                  copy.setString(2, s.appealCode());
                  copy.setString(3, s.donorCode());
                  copy.setString(4, s.status());
                  copy.setBigDecimal(5, s.usdValue().amount());
                  copy.setLong(6, s.version());
                  copy.setTimestamp(7, at);
                  copy.addBatch();
                }
                history.executeBatch();
                // in batch order, so a later version of the same pledge in this batch counts too
                for (int count : copy.executeBatch()) {
                  changed.add(count > 0);
                }
              }
            });
    return changed;
  }

  private static final String INSERT_STATE =
      """
      insert into pledge_state (pledge_id, aggregate_version, appeal_code, donor_code,
        occurred_on, status, usd_value, paid_usd, outstanding_usd, written_off_usd,
        earmark_level, earmark_agency, earmark_country, earmark_sector, earmark_line_id,
        applied_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      on conflict (pledge_id, aggregate_version) do nothing""";

  /** An older or repeated version leaves the copy as it is (update count 0). */
  private static final String UPSERT_COPY =
      """
      insert into pledge_copy (pledge_id, appeal_code, donor_code, status, usd_amount,
        aggregate_version, updated_at)
      values (?, ?, ?, ?, ?, ?, ?)
      on conflict (pledge_id) do update set status = excluded.status,
        usd_amount = excluded.usd_amount, aggregate_version = excluded.aggregate_version,
        updated_at = excluded.updated_at
      where pledge_copy.aggregate_version < excluded.aggregate_version""";

  private static void bindState(PreparedStatement insert, Applied a, Timestamp appliedAt)
      throws SQLException {
    var s = a.state();
    var e = s.earmarking();
    insert.setObject(1, s.pledgeId());
    insert.setLong(2, s.version());
    insert.setString(3, s.appealCode());
    insert.setString(4, s.donorCode());
    insert.setDate(5, Date.valueOf(a.occurredOn()));
    insert.setString(6, s.status());
    insert.setBigDecimal(7, s.usdValue().amount());
    insert.setBigDecimal(8, amountOrNull(s.paidUsd()));
    insert.setBigDecimal(9, amountOrNull(s.outstandingUsd()));
    insert.setBigDecimal(10, amountOrNull(s.writtenOffUsd()));
    insert.setString(11, EarmarkingLevel.parse(e == null ? null : e.level()).name());
    insert.setString(12, e == null ? null : e.agency());
    insert.setString(13, e == null ? null : e.country());
    insert.setString(14, e == null ? null : e.sector());
    insert.setObject(15, e == null ? null : e.requirementLineId(), Types.OTHER);
    insert.setTimestamp(16, appliedAt);
  }

  /** Each pledge of the appeal in its newest version that occurred by the end of the date. */
  List<PledgeFacts> asOf(String appealCode, LocalDate date) {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select distinct on (pledge_id) pledge_id, donor_code, status, usd_value, paid_usd,
                  outstanding_usd, written_off_usd, earmark_level, earmark_agency, earmark_country,
                  earmark_sector, earmark_line_id
                from pledge_state where appeal_code = ?1 and occurred_on <= ?2
                order by pledge_id, aggregate_version desc""")
            .setParameter(1, appealCode)
            .setParameter(2, Date.valueOf(date))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new PledgeFacts(
                    (UUID) r[0],
                    ((String) r[1]).trim(),
                    (String) r[2],
                    (BigDecimal) r[3],
                    (BigDecimal) r[4],
                    (BigDecimal) r[5],
                    (BigDecimal) r[6],
                    EarmarkingLevel.parse((String) r[7]),
                    (String) r[8],
                    r[9] == null ? null : ((String) r[9]).trim(),
                    (String) r[10],
                    (UUID) r[11]))
        .toList();
  }

  private static BigDecimal amountOrNull(Money money) {
    return money == null ? null : money.amount();
  }
}
