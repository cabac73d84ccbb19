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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;
import org.jointappeal.appeal.events.PledgeEventV1.PledgeChanged;

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
    }
    var kept = insertStates(connection, positions, now);
    for (int i = 0; i < positions.size(); i++) {
      var p = positions.get(i);
      // remove: a version repeated within the batch was inserted once, by its first occurrence
      boolean insertedHere = kept.remove(new StateKey(p.pledgeId(), p.version()));
      if (!changed.get(i) && insertedHere) {
        older.add(p); // a version new to the ledger, older than the newest one held
      }
    }
    upsertCopies(connection, positions, now);
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

  /** A row of pledge_state: one version of one pledge. */
  private record StateKey(UUID pledgeId, long version) {}

  /**
   * Inserts the batch's versions in one statement (arrays unnested, one row per element): a
   * statement per row costs the server an executor start and a plan each, the larger part of a
   * replay's time (docs/performance.md, 4). Answers the versions that were new to the ledger.
   */
  private static Set<StateKey> insertStates(
      Connection connection, List<PledgePosition> positions, Instant now) throws SQLException {
    var rows = new Columns(connection, positions.size(), 23);
    String appliedAt = timestamp(now);
    for (var p : positions) {
      var k = p.keys();
      var counted = p.counted();
      rows.add(
          p.pledgeId(),
          p.version(),
          p.appealCode(),
          k.donorCode(),
          p.occurredOn(),
          p.status(),
          p.usdValue(),
          p.paidUsd(),
          PledgePosition.usd(p.outstanding(), p.unitsPerUsd()),
          counted.writtenOff(),
          k.level().name(),
          k.agency(),
          k.country(),
          k.sector(),
          k.lineId(),
          appliedAt,
          p.currency(),
          p.unitsPerUsd(),
          p.announcedOn(),
          p.outstanding(),
          p.paid(),
          p.writtenOff(),
          timestamp(p.recordedAt()));
    }
    var kept = new HashSet<StateKey>();
    try (var insert =
        connection.prepareStatement(
            """
            insert into pledge_state (pledge_id, aggregate_version, appeal_code, donor_code,
              occurred_on, status, usd_value, paid_usd, outstanding_usd, written_off_usd,
              earmark_level, earmark_agency, earmark_country, earmark_sector, earmark_line_id,
              applied_at, currency, units_per_usd, announced_on, outstanding, paid, written_off,
              recorded_at)
            select * from unnest(cast(? as text[])::uuid[], cast(? as text[])::bigint[],
              cast(? as text[]), cast(? as text[]), cast(? as text[])::date[], cast(? as text[]),
              cast(? as text[])::numeric[], cast(? as text[])::numeric[],
              cast(? as text[])::numeric[], cast(? as text[])::numeric[], cast(? as text[]),
              cast(? as text[]), cast(? as text[]), cast(? as text[]),
              cast(? as text[])::uuid[], cast(? as text[])::timestamptz[], cast(? as text[]),
              cast(? as text[])::numeric[], cast(? as text[])::date[],
              cast(? as text[])::numeric[], cast(? as text[])::numeric[],
              cast(? as text[])::numeric[], cast(? as text[])::timestamptz[])
            on conflict (pledge_id, aggregate_version) do nothing
            returning pledge_id, aggregate_version""")) {
      rows.bind(insert);
      try (var inserted = insert.executeQuery()) {
        while (inserted.next()) {
          kept.add(new StateKey(inserted.getObject(1, UUID.class), inserted.getLong(2)));
        }
      }
    }
    return kept;
  }

  /**
   * The newest version per pledge in pledge_copy; an older or repeated version leaves it as it is.
   * One row per pledge (the batch's newest, the first of equal versions) in one statement: an
   * upsert may not touch a row twice.
   */
  private static void upsertCopies(
      Connection connection, List<PledgePosition> positions, Instant now) throws SQLException {
    var newestInBatch = new LinkedHashMap<UUID, PledgePosition>();
    for (var p : positions) {
      newestInBatch.merge(p.pledgeId(), p, (a, b) -> b.version() > a.version() ? b : a);
    }
    var rows = new Columns(connection, newestInBatch.size(), 7);
    String updatedAt = timestamp(now);
    for (var p : newestInBatch.values()) {
      rows.add(
          p.pledgeId(),
          p.appealCode(),
          p.keys().donorCode(),
          p.status(),
          p.usdValue(),
          p.version(),
          updatedAt);
    }
    try (var upsert =
        connection.prepareStatement(
            """
            insert into pledge_copy (pledge_id, appeal_code, donor_code, status, usd_amount,
              aggregate_version, updated_at)
            select * from unnest(cast(? as text[])::uuid[], cast(? as text[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[])::numeric[], cast(? as text[])::bigint[],
              cast(? as text[])::timestamptz[])
            on conflict (pledge_id) do update set status = excluded.status,
              usd_amount = excluded.usd_amount, aggregate_version = excluded.aggregate_version,
              updated_at = excluded.updated_at
            where pledge_copy.aggregate_version < excluded.aggregate_version""")) {
      rows.bind(upsert);
      upsert.executeUpdate();
    }
  }

  private static void insertMovements(Connection connection, List<Movement> movements)
      throws SQLException {
    if (movements.isEmpty()) {
      return;
    }
    var rows = new Columns(connection, movements.size(), 17);
    for (var m : movements) {
      var k = m.keys();
      rows.add(
          m.pledgeId(),
          m.pledgeVersion(),
          m.appealCode(),
          m.businessDate(),
          timestamp(m.recordedAt()),
          m.from() == null ? null : m.from().name(),
          m.to() == null ? null : m.to().name(),
          m.amount(),
          m.currency(),
          m.unitsPerUsd(),
          m.usd(),
          k.donorCode(),
          k.level().name(),
          k.lineId(),
          k.country(),
          k.agency(),
          k.sector());
    }
    try (var insert =
        connection.prepareStatement(
            """
            insert into funding_movement (pledge_id, pledge_version, appeal_code, business_date,
              recorded_at, from_bucket, to_bucket, amount, currency, units_per_usd, usd_amount,
              donor_code, earmark_level, earmark_line_id, earmark_country, earmark_agency,
              earmark_sector)
            select a, b, c, d, e, f, g, h, i, j, k, l, n, o, p, q, r
            from unnest(cast(? as text[])::uuid[], cast(? as text[])::bigint[],
              cast(? as text[]), cast(? as text[])::date[], cast(? as text[])::timestamptz[],
              cast(? as text[]), cast(? as text[]), cast(? as text[])::numeric[],
              cast(? as text[]), cast(? as text[])::numeric[], cast(? as text[])::numeric[],
              cast(? as text[]), cast(? as text[]), cast(? as text[])::uuid[], cast(? as text[]),
              cast(? as text[]), cast(? as text[])) with ordinality
              as m(a, b, c, d, e, f, g, h, i, j, k, l, n, o, p, q, r, position)
            order by position""")) {
      rows.bind(insert);
      insert.executeUpdate();
    }
  }

  /** In key order, so that two instances changing the same rows lock them in the same order. */
  private static void addToTotals(
      Connection connection, Map<TotalKey, PledgePosition.Counted> deltas) throws SQLException {
    if (deltas.isEmpty()) {
      return;
    }
    var rows = new Columns(connection, deltas.size(), 11);
    for (var delta : deltas.entrySet()) {
      var k = delta.getKey();
      var c = delta.getValue();
      rows.add(
          k.appealCode(),
          k.donorCode(),
          k.level(),
          k.lineId(),
          k.country(),
          k.agency(),
          k.sector(),
          c.pledged(),
          c.committed(),
          c.paid(),
          c.writtenOff());
    }
    try (var upsert =
        connection.prepareStatement(
            """
            insert into funding_total (appeal_code, donor_code, earmark_level, earmark_line_id,
              earmark_country, earmark_agency, earmark_sector, pledged_usd, committed_usd,
              paid_usd, written_off_usd)
            select a, b, c, d, e, f, g, h, i, j, k
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
              cast(? as text[])::numeric[], cast(? as text[])::numeric[],
              cast(? as text[])::numeric[], cast(? as text[])::numeric[]) with ordinality
              as t(a, b, c, d, e, f, g, h, i, j, k, position)
            order by position
            on conflict (appeal_code, donor_code, earmark_level, earmark_line_id,
              earmark_country, earmark_agency, earmark_sector) do update set
              pledged_usd = funding_total.pledged_usd + excluded.pledged_usd,
              committed_usd = funding_total.committed_usd + excluded.committed_usd,
              paid_usd = funding_total.paid_usd + excluded.paid_usd,
              written_off_usd = funding_total.written_off_usd + excluded.written_off_usd""")) {
      rows.bind(upsert);
      upsert.executeUpdate();
    }
  }

  private static void bumpLedgerVersions(Connection connection, TreeSet<String> appeals)
      throws SQLException {
    if (appeals.isEmpty()) {
      return;
    }
    var rows = new Columns(connection, appeals.size(), 1);
    for (String appeal : appeals) {
      rows.add(appeal);
    }
    try (var bump =
        connection.prepareStatement(
            """
            insert into appeal_funding (appeal_code, projection_version, ledger_version)
            select code, 0, 1 from unnest(cast(? as text[])) with ordinality as a(code, position)
            order by position
            on conflict (appeal_code) do update
              set ledger_version = appeal_funding.ledger_version + 1""")) {
      rows.bind(bump);
      bump.executeUpdate();
    }
  }

  /**
   * An instant as PostgreSQL's text input reads it, rounded to its microseconds half up as the
   * driver rounds a bound {@link Timestamp}: the same recorded instant whichever way it is written.
   */
  static String timestamp(Instant instant) {
    long micros = Math.floorDiv(instant.getNano() + 500, 1000);
    return Instant.ofEpochSecond(instant.getEpochSecond(), micros * 1000).toString();
  }

  /**
   * A batch of rows bound as one text array per column, cast to the columns' types in SQL: values
   * in their plain text form (numbers without exponent, ISO dates and instants), null as null.
   */
  private static final class Columns {
    private final Connection connection;
    private final String[][] values;
    private int row;

    Columns(Connection connection, int rows, int columns) {
      this.connection = connection;
      this.values = new String[columns][rows];
    }

    void add(Object... columns) {
      for (int c = 0; c < columns.length; c++) {
        values[c][row] = text(columns[c]);
      }
      row++;
    }

    private static String text(Object value) {
      if (value == null) {
        return null;
      }
      if (value instanceof BigDecimal decimal) {
        return decimal.toPlainString();
      }
      return value.toString(); // UUID, Long, LocalDate, String, an instant already formatted
    }

    void bind(PreparedStatement statement) throws SQLException {
      for (int c = 0; c < values.length; c++) {
        statement.setArray(c + 1, connection.createArrayOf("text", values[c]));
      }
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
      return Comparator.comparing(TotalKey::appealCode)
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
