package org.jointappeal.appeal.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;
import org.jointappeal.appeal.messaging.PledgeEventV1.PledgeChanged;

/**
 * The funding ledger (docs/decisions/0007-funding-ledger.md): every version of a pledge an event
 * brought ({@code pledge_state}), the movements between consecutive versions ({@code
 * funding_movement}, with business date and recorded instant) and today's running totals per key
 * ({@code funding_total}). Applying an event costs the same whatever the number of pledges of the
 * appeal: it reads the pledge's newest version and changes two totals rows at most.
 */
@ApplicationScoped
public class FundingLedger {

  /** Later than any business date or instant: "everything". */
  static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

  static final Instant END_OF_RECORDING = Instant.parse("9999-12-31T23:59:59Z");

  private final EntityManager em;

  FundingLedger(EntityManager em) {
    this.em = em;
  }

  /**
   * Takes a batch of pledge events (in the order they arrived) into the ledger and answers, per
   * event, whether it changed today's figures: a version newer than the one held does; a repeated
   * one does not. An older version arriving late (out of the producer's order) changes no current
   * figure, but the pledge's movements are derived again from all its versions, so that the history
   * does not depend on the order of arrival.
   */
  List<Boolean> keepAll(List<PledgeChanged> events, Instant now) {
    var changed = new ArrayList<Boolean>(events.size());
    em.unwrap(Session.class).doWork(connection -> keepAll(connection, events, now, changed));
    return changed;
  }

  private void keepAll(
      Connection connection, List<PledgeChanged> events, Instant now, List<Boolean> changed)
      throws SQLException {
    var positions = events.stream().map(e -> PledgePosition.of(e, now)).toList();
    var newest = newest(connection, positions.stream().map(PledgePosition::pledgeId).toList());
    var movements = new ArrayList<Movement>();
    Map<TotalKey, PledgePosition.Counted> deltas = new TreeMap<>();
    var older = new ArrayList<PledgePosition>();
    var touched = new TreeSet<String>();
    try (var states = connection.prepareStatement(INSERT_STATE);
        var copy = connection.prepareStatement(UPSERT_COPY)) {
      for (var p : positions) {
        var held = newest.get(p.pledgeId());
        if (held == null || p.version() > held.version()) {
          movements.addAll(Movement.between(held, p));
          if (held != null) {
            deltas.merge(TotalKey.of(held), held.counted().negate(), PledgePosition.Counted::plus);
          }
          deltas.merge(TotalKey.of(p), p.counted(), PledgePosition.Counted::plus);
          newest.put(p.pledgeId(), p);
          touched.add(p.appealCode());
          changed.add(true);
        } else {
          changed.add(false);
        }
        bindState(states, p, now);
        states.addBatch();
        bindCopy(copy, p, now);
        copy.addBatch();
      }
      int[] kept = states.executeBatch();
      for (int i = 0; i < positions.size(); i++) {
        var p = positions.get(i);
        if (!changed.get(i) && kept[i] > 0) {
          older.add(p); // a version new to the ledger, older than the newest one held
        }
      }
      copy.executeBatch();
    }
    insertMovements(connection, movements);
    addToTotals(connection, deltas);
    for (var p : older) {
      rebuild(connection, p.pledgeId());
      touched.add(p.appealCode());
    }
    bumpLedgerVersions(connection, touched);
  }

  /** Derives a pledge's movements again from all its versions, in version order. */
  private void rebuild(Connection connection, UUID pledgeId) throws SQLException {
    try (var delete =
        connection.prepareStatement("delete from funding_movement where pledge_id = ?")) {
      delete.setObject(1, pledgeId);
      delete.executeUpdate();
    }
    var movements = new ArrayList<Movement>();
    try (var select =
        connection.prepareStatement(
            "select "
                + STATE_COLUMNS
                + " from pledge_state where pledge_id = ?"
                + " order by aggregate_version")) {
      select.setObject(1, pledgeId);
      try (var rows = select.executeQuery()) {
        PledgePosition before = null;
        while (rows.next()) {
          var after = position(rows);
          movements.addAll(Movement.between(before, after));
          before = after;
        }
      }
    }
    insertMovements(connection, movements);
  }

  private static Map<UUID, PledgePosition> newest(Connection connection, List<UUID> pledgeIds)
      throws SQLException {
    var newest = new HashMap<UUID, PledgePosition>();
    try (var select =
        connection.prepareStatement(
            "select distinct on (pledge_id) "
                + STATE_COLUMNS
                + " from pledge_state where pledge_id = any(?)"
                + " order by pledge_id, aggregate_version desc")) {
      select.setArray(1, connection.createArrayOf("uuid", pledgeIds.stream().distinct().toArray()));
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          var p = position(rows);
          newest.put(p.pledgeId(), p);
        }
      }
    }
    return newest;
  }

  private static final String STATE_COLUMNS =
      """
      pledge_id, appeal_code, aggregate_version, status, currency, units_per_usd, announced_on,
      outstanding, paid, paid_usd, written_off, donor_code, earmark_level, earmark_line_id,
      earmark_country, earmark_agency, earmark_sector, occurred_on, recorded_at, usd_value""";

  private static PledgePosition position(ResultSet r) throws SQLException {
    return new PledgePosition(
        r.getObject(1, UUID.class),
        r.getString(2),
        r.getLong(3),
        r.getString(4),
        r.getString(5).trim(),
        r.getBigDecimal(6),
        r.getDate(7).toLocalDate(),
        r.getBigDecimal(8),
        r.getBigDecimal(9),
        r.getBigDecimal(10),
        r.getBigDecimal(11),
        new PledgePosition.Keys(
            r.getString(12).trim(),
            EarmarkingLevel.parse(r.getString(13)),
            r.getObject(14, UUID.class),
            trimmed(r.getString(15)),
            r.getString(16),
            r.getString(17)),
        r.getDate(18).toLocalDate(),
        r.getTimestamp(19).toInstant(),
        r.getBigDecimal(20));
  }

  private static final String INSERT_STATE =
      """
      insert into pledge_state (pledge_id, aggregate_version, appeal_code, donor_code,
        occurred_on, status, usd_value, paid_usd, outstanding_usd, written_off_usd,
        earmark_level, earmark_agency, earmark_country, earmark_sector, earmark_line_id,
        applied_at, currency, units_per_usd, announced_on, outstanding, paid, written_off,
        recorded_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      on conflict (pledge_id, aggregate_version) do nothing""";

  private static void bindState(PreparedStatement insert, PledgePosition p, Instant now)
      throws SQLException {
    var k = p.keys();
    var counted = p.counted();
    insert.setObject(1, p.pledgeId());
    insert.setLong(2, p.version());
    insert.setString(3, p.appealCode());
    insert.setString(4, k.donorCode());
    insert.setDate(5, Date.valueOf(p.occurredOn()));
    insert.setString(6, p.status());
    insert.setBigDecimal(7, p.usdValue());
    insert.setBigDecimal(8, p.paidUsd());
    insert.setBigDecimal(9, PledgePosition.usd(p.outstanding(), p.unitsPerUsd()));
    insert.setBigDecimal(10, counted.writtenOff());
    insert.setString(11, k.level().name());
    insert.setString(12, k.agency());
    insert.setString(13, k.country());
    insert.setString(14, k.sector());
    insert.setObject(15, k.lineId(), Types.OTHER);
    insert.setTimestamp(16, Timestamp.from(now));
    insert.setString(17, p.currency());
    insert.setBigDecimal(18, p.unitsPerUsd());
    insert.setDate(19, Date.valueOf(p.announcedOn()));
    insert.setBigDecimal(20, p.outstanding());
    insert.setBigDecimal(21, p.paid());
    insert.setBigDecimal(22, p.writtenOff());
    insert.setTimestamp(23, Timestamp.from(p.recordedAt()));
  }

  /** The newest version per pledge; an older or repeated version leaves it as it is. */
  private static final String UPSERT_COPY =
      """
      insert into pledge_copy (pledge_id, appeal_code, donor_code, status, usd_amount,
        aggregate_version, updated_at)
      values (?, ?, ?, ?, ?, ?, ?)
      on conflict (pledge_id) do update set status = excluded.status,
        usd_amount = excluded.usd_amount, aggregate_version = excluded.aggregate_version,
        updated_at = excluded.updated_at
      where pledge_copy.aggregate_version < excluded.aggregate_version""";

  private static void bindCopy(PreparedStatement copy, PledgePosition p, Instant now)
      throws SQLException {
    copy.setObject(1, p.pledgeId());
    copy.setString(2, p.appealCode());
    copy.setString(3, p.keys().donorCode());
    copy.setString(4, p.status());
    copy.setBigDecimal(5, p.usdValue());
    copy.setLong(6, p.version());
    copy.setTimestamp(7, Timestamp.from(now));
  }

  private static void insertMovements(Connection connection, List<Movement> movements)
      throws SQLException {
    if (movements.isEmpty()) {
      return;
    }
    try (var insert =
        connection.prepareStatement(
            """
            insert into funding_movement (pledge_id, pledge_version, appeal_code, business_date,
              recorded_at, from_bucket, to_bucket, amount, currency, units_per_usd, usd_amount,
              donor_code, earmark_level, earmark_line_id, earmark_country, earmark_agency,
              earmark_sector)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      for (var m : movements) {
        var k = m.keys();
        insert.setObject(1, m.pledgeId());
        insert.setLong(2, m.pledgeVersion());
        insert.setString(3, m.appealCode());
        insert.setDate(4, Date.valueOf(m.businessDate()));
        insert.setTimestamp(5, Timestamp.from(m.recordedAt()));
        insert.setString(6, m.from() == null ? null : m.from().name());
        insert.setString(7, m.to() == null ? null : m.to().name());
        insert.setBigDecimal(8, m.amount());
        insert.setString(9, m.currency());
        insert.setBigDecimal(10, m.unitsPerUsd());
        insert.setBigDecimal(11, m.usd());
        insert.setString(12, k.donorCode());
        insert.setString(13, k.level().name());
        insert.setObject(14, k.lineId(), Types.OTHER);
        insert.setString(15, k.country());
        insert.setString(16, k.agency());
        insert.setString(17, k.sector());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** In key order, so that two instances changing the same rows lock them in the same order. */
  private static void addToTotals(
      Connection connection, Map<TotalKey, PledgePosition.Counted> deltas) throws SQLException {
    if (deltas.isEmpty()) {
      return;
    }
    try (var upsert =
        connection.prepareStatement(
            """
            insert into funding_total (appeal_code, donor_code, earmark_level, earmark_line_id,
              earmark_country, earmark_agency, earmark_sector, pledged_usd, committed_usd,
              paid_usd, written_off_usd)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (appeal_code, donor_code, earmark_level, earmark_line_id,
              earmark_country, earmark_agency, earmark_sector) do update set
              pledged_usd = funding_total.pledged_usd + excluded.pledged_usd,
              committed_usd = funding_total.committed_usd + excluded.committed_usd,
              paid_usd = funding_total.paid_usd + excluded.paid_usd,
              written_off_usd = funding_total.written_off_usd + excluded.written_off_usd""")) {
      for (var delta : deltas.entrySet()) {
        var k = delta.getKey();
        var c = delta.getValue();
        upsert.setString(1, k.appealCode());
        upsert.setString(2, k.donorCode());
        upsert.setString(3, k.level());
        upsert.setString(4, k.lineId());
        upsert.setString(5, k.country());
        upsert.setString(6, k.agency());
        upsert.setString(7, k.sector());
        upsert.setBigDecimal(8, c.pledged());
        upsert.setBigDecimal(9, c.committed());
        upsert.setBigDecimal(10, c.paid());
        upsert.setBigDecimal(11, c.writtenOff());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  private static void bumpLedgerVersions(Connection connection, TreeSet<String> appeals)
      throws SQLException {
    if (appeals.isEmpty()) {
      return;
    }
    try (var bump =
        connection.prepareStatement(
            """
            insert into appeal_funding (appeal_code, projection_version, ledger_version)
            values (?, 0, 1)
            on conflict (appeal_code) do update
              set ledger_version = appeal_funding.ledger_version + 1""")) {
      for (String appeal : appeals) {
        bump.setString(1, appeal);
        bump.addBatch();
      }
      bump.executeBatch();
    }
  }

  /** The appeal's ledger version: it grows with every batch that changed its movements. */
  long ledgerVersion(String appealCode) {
    @SuppressWarnings("unchecked") // native query: one bigint column
    List<Object> rows =
        em.createNativeQuery("select ledger_version from appeal_funding where appeal_code = ?1")
            .setParameter(1, appealCode)
            .getResultList();
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
  }

  /** Today's figures per key: the running totals. */
  List<Holding> current(String appealCode) {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select donor_code, earmark_level, earmark_line_id, earmark_country,
                  earmark_agency, earmark_sector, pledged_usd, committed_usd, paid_usd,
                  written_off_usd
                from funding_total where appeal_code = ?1""")
            .setParameter(1, appealCode)
            .getResultList();
    var holdings = new ArrayList<Holding>(rows.size());
    for (Object[] r : rows) {
      holdings.add(
          new Holding(
              new PledgePosition.Keys(
                  ((String) r[0]).trim(),
                  EarmarkingLevel.parse((String) r[1]),
                  blank((String) r[2]) == null ? null : UUID.fromString((String) r[2]),
                  blank((String) r[3]),
                  blank((String) r[4]),
                  blank((String) r[5])),
              new PledgePosition.Counted(
                  (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8], (BigDecimal) r[9])));
    }
    return holdings;
  }

  /**
   * The figures per key from the movements dated by the end of {@code asOf} and recorded by {@code
   * knownAt}: each pledge's pledged, committed and written-off amounts are summed in its currency
   * first and converted once, at its rate, rounded HALF_EVEN to cents (a sum of per-movement
   * roundings would depend on the order money was recorded in); paid is the receipts' USD values.
   */
  List<Holding> asOf(String appealCode, LocalDate asOf, Instant knownAt) {
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select donor_code, earmark_level, earmark_line_id, earmark_country,
                  earmark_agency, earmark_sector, units_per_usd,
                  sum(case when to_bucket = 'PLEDGED' then amount else 0 end)
                    - sum(case when from_bucket = 'PLEDGED' then amount else 0 end),
                  sum(case when to_bucket = 'COMMITTED' then amount else 0 end)
                    - sum(case when from_bucket = 'COMMITTED' then amount else 0 end),
                  sum(case when to_bucket = 'PAID' then usd_amount else 0 end)
                    - sum(case when from_bucket = 'PAID' then usd_amount else 0 end),
                  sum(case when to_bucket = 'WRITTEN_OFF' then amount else 0 end)
                    - sum(case when from_bucket = 'WRITTEN_OFF' then amount else 0 end)
                from funding_movement
                where appeal_code = ?1 and business_date <= ?2 and recorded_at <= ?3
                group by pledge_id, units_per_usd, donor_code, earmark_level, earmark_line_id,
                  earmark_country, earmark_agency, earmark_sector""")
            .setParameter(1, appealCode)
            .setParameter(2, Date.valueOf(asOf))
            .setParameter(3, Timestamp.from(knownAt))
            .getResultList();
    Map<PledgePosition.Keys, PledgePosition.Counted> byKey = new LinkedHashMap<>();
    for (Object[] r : rows) {
      var keys =
          new PledgePosition.Keys(
              ((String) r[0]).trim(),
              EarmarkingLevel.parse((String) r[1]),
              (UUID) r[2],
              trimmed((String) r[3]),
              (String) r[4],
              (String) r[5]);
      BigDecimal rate = (BigDecimal) r[6];
      var counted =
          new PledgePosition.Counted(
              PledgePosition.usd((BigDecimal) r[7], rate),
              PledgePosition.usd((BigDecimal) r[8], rate),
              ((BigDecimal) r[9]).setScale(2),
              PledgePosition.usd((BigDecimal) r[10], rate));
      byKey.merge(keys, counted, PledgePosition.Counted::plus);
    }
    var holdings = new ArrayList<Holding>(byKey.size());
    byKey.forEach((k, c) -> holdings.add(new Holding(k, c)));
    return holdings;
  }

  private static String trimmed(String value) {
    return value == null ? null : value.trim();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A row of funding_total: '' for a key not set (a primary key cannot hold null). */
  record TotalKey(
      String appealCode,
      String donorCode,
      String level,
      String lineId,
      String country,
      String agency,
      String sector)
      implements Comparable<TotalKey> {

    static TotalKey of(PledgePosition p) {
      var k = p.keys();
      return new TotalKey(
          p.appealCode(),
          k.donorCode(),
          k.level().name(),
          k.lineId() == null ? "" : k.lineId().toString(),
          k.country() == null ? "" : k.country(),
          k.agency() == null ? "" : k.agency(),
          k.sector() == null ? "" : k.sector());
    }

    @Override
    public int compareTo(TotalKey o) {
      return java.util.Comparator.comparing(TotalKey::appealCode)
          .thenComparing(TotalKey::donorCode)
          .thenComparing(TotalKey::level)
          .thenComparing(TotalKey::lineId)
          .thenComparing(TotalKey::country)
          .thenComparing(TotalKey::agency)
          .thenComparing(TotalKey::sector)
          .compare(this, o);
    }
  }
}
