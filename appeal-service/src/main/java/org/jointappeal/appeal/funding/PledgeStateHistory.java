package org.jointappeal.appeal.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jointappeal.appeal.messaging.PledgeStateV1;
import org.jointappeal.appeal.money.Money;

/**
 * Every pledge state the projection applied, once per pledge version, with its business date. The
 * figures at the end of a date are those of each pledge's newest version that occurred by then, so
 * they do not depend on the order the events arrived in.
 */
@ApplicationScoped
public class PledgeStateHistory {

  /** Later than any business date: "now" is the newest version of each pledge. */
  static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

  private final EntityManager em;

  PledgeStateHistory(EntityManager em) {
    this.em = em;
  }

  /** Keeps the state; a version already kept (a redelivery) changes nothing. */
  void keep(PledgeStateV1 s, LocalDate occurredOn, Instant appliedAt) {
    var e = s.earmarking();
    // typed binding: PostgreSQL cannot infer the type of a bare null parameter
    NativeQuery<?> insert =
        em.createNativeQuery(
                """
            insert into pledge_state (pledge_id, aggregate_version, appeal_code, donor_code,
              occurred_on, status, usd_value, paid_usd, outstanding_usd, written_off_usd,
              earmark_level, earmark_agency, earmark_country, earmark_sector, earmark_line_id,
              applied_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
            on conflict (pledge_id, aggregate_version) do nothing""")
            .unwrap(NativeQuery.class);
    insert
        .setParameter(1, s.pledgeId())
        .setParameter(2, s.version())
        .setParameter(3, s.appealCode())
        .setParameter(4, s.donorCode())
        .setParameter(5, Date.valueOf(occurredOn))
        .setParameter(6, s.status())
        .setParameter(7, s.usdValue().amount())
        .setParameter(8, amountOrNull(s.paidUsd()), BigDecimal.class)
        .setParameter(9, amountOrNull(s.outstandingUsd()), BigDecimal.class)
        .setParameter(10, amountOrNull(s.writtenOffUsd()), BigDecimal.class)
        .setParameter(11, EarmarkingLevel.parse(e == null ? null : e.level()).name())
        .setParameter(12, e == null ? null : e.agency(), String.class)
        .setParameter(13, e == null ? null : e.country(), String.class)
        .setParameter(14, e == null ? null : e.sector(), String.class)
        .setParameter(15, e == null ? null : e.requirementLineId(), UUID.class)
        .setParameter(16, Timestamp.from(appliedAt))
        .executeUpdate();
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
