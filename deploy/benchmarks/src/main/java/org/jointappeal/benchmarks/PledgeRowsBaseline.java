package org.jointappeal.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jointappeal.localstack.PostgresServer;

/**
 * The fair JDBC baseline of issue #18: on the same PostgreSQL server, in a scratch schema built by
 * pledge-service's own Flyway migrations (the same tables, constraints and indexes), each
 * transaction writes the rows one pledge announcement writes: its Idempotency-Key row with the
 * stored answer, the pledge, its instalment(s), its history entry and its outbox row. The rows are
 * copies of a real announcement the benchmark made just before (read from pledge-service's
 * database), with fresh keys, so the payloads have the sizes the service really writes. One
 * statement per row and nothing else (no reads, no lock juggling): the least a service writing
 * those rows in one transaction must do.
 */
final class PledgeRowsBaseline {

  private static final String SCHEMA = "pledge_rows";
  private static final String ANNOUNCED = "org.jointappeal.pledge.announced.v1";

  /** One table's row as sampled: its columns in order and their values. */
  private record Row(String table, Map<String, Object> columns, Map<String, Integer> types) {}

  private PledgeRowsBaseline() {}

  /**
   * Runs the baseline with {@code threads} connections for {@code duration}, closed loop. {@code
   * migrations} is pledge-service's migration folder of the checkout under test; the sample rows
   * are the newest announcement in pledge-service's database.
   */
  static Step run(PostgresServer postgres, Path migrations, int threads, Duration duration) {
    List<Row> sample = sample(postgres);
    postgres.ensureDatabase("benchmark", "benchmark", "benchmark"); // local scratch database
    String url = postgres.jdbcUrl("benchmark") + "?currentSchema=" + SCHEMA;
    try (Connection c = DriverManager.getConnection(url, "benchmark", "benchmark");
        var s = c.createStatement()) {
      s.execute("drop schema if exists " + SCHEMA + " cascade");
      s.execute("create schema " + SCHEMA);
      s.execute("set search_path = " + SCHEMA);
      for (Path migration : migrations(migrations)) {
        s.execute(Files.readString(migration));
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot build pledge-service's schema for the baseline", e);
    }
    Set<String> generated = generatedColumns(url);
    return ClosedLoopJdbc.run(
            "JDBC baseline, pledge rows, " + threads + " connections",
            url,
            threads,
            duration,
            c -> {
              List<PreparedStatement> inserts = new ArrayList<>();
              for (Row row : sample) {
                inserts.add(c.prepareStatement(insert(row, generated)));
              }
              return inserts;
            },
            inserts -> {
              UUID pledge = UUID.randomUUID();
              for (int i = 0; i < sample.size(); i++) {
                bind(inserts.get(i), sample.get(i), generated, pledge);
                inserts.get(i).executeUpdate();
              }
            })
        .withNote("closed loop; per transaction " + describe(sample));
  }

  /** The newest announcement's rows, from pledge-service's own database. */
  private static List<Row> sample(PostgresServer postgres) {
    try (Connection c = postgres.connect("pledge")) {
      Row pledge =
          one(
              c,
              "pledge",
              "select * from pledge where status = 'ANNOUNCED' order by created_at desc limit 1");
      Object id = pledge.columns().get("id");
      List<Row> rows = new ArrayList<>();
      rows.add(
          one(
              c,
              "idempotency_key",
              "select * from idempotency_key where location = ? limit 1",
              "/pledges/" + id));
      rows.add(pledge);
      rows.addAll(
          all(c, "instalment", "select * from instalment where pledge_id = ? order by number", id));
      rows.add(
          one(
              c,
              "pledge_history",
              "select * from pledge_history where pledge_id = ? and action = 'ANNOUNCED'",
              id));
      rows.add(
          one(
              c,
              "outbox_event",
              "select * from outbox_event where subject = ? and type = ?",
              id.toString(),
              ANNOUNCED));
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a sample announcement from pledge-service", e);
    }
  }

  private static Row one(Connection c, String table, String sql, Object... parameters)
      throws SQLException {
    List<Row> rows = all(c, table, sql, parameters);
    if (rows.isEmpty()) {
      throw new IllegalStateException("no sample row in " + table + " (" + sql + ")");
    }
    return rows.get(0);
  }

  private static List<Row> all(Connection c, String table, String sql, Object... parameters)
      throws SQLException {
    try (var query = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        var meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> columns = new LinkedHashMap<>();
          Map<String, Integer> types = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.put(meta.getColumnName(i), rs.getObject(i));
            types.put(meta.getColumnName(i), meta.getColumnType(i));
          }
          rows.add(new Row(table, columns, types));
        }
      }
      return rows;
    }
  }

  /** Identity columns (the database fills them in), as {@code table.column}. */
  private static Set<String> generatedColumns(String url) {
    try (Connection c = DriverManager.getConnection(url, "benchmark", "benchmark");
        var query =
            c.prepareStatement(
                "select table_name || '.' || column_name from information_schema.columns"
                    + " where table_schema = ? and (is_identity = 'YES' or is_generated <> 'NEVER')")) {
      query.setString(1, SCHEMA);
      Set<String> generated = new java.util.HashSet<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          generated.add(rs.getString(1));
        }
      }
      return generated;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the baseline schema", e);
    }
  }

  private static String insert(Row row, Set<String> generated) {
    List<String> names =
        row.columns().keySet().stream()
            .filter(n -> !generated.contains(row.table() + "." + n))
            .toList();
    return "insert into "
        + row.table()
        + " ("
        + String.join(", ", names)
        + ") values ("
        + String.join(", ", names.stream().map(n -> "?").toList())
        + ")";
  }

  /**
   * The sampled values, with this transaction's keys: the pledge's id wherever the pledge is named,
   * a fresh id for the outbox row and a fresh Idempotency-Key; the outbox row unsent, as a new one
   * is (so it enters the index of unsent rows).
   */
  private static void bind(PreparedStatement insert, Row row, Set<String> generated, UUID pledge)
      throws SQLException {
    int i = 0;
    for (var column : row.columns().entrySet()) {
      String name = column.getKey();
      if (generated.contains(row.table() + "." + name)) {
        continue;
      }
      Object value = column.getValue();
      value =
          switch (row.table() + "." + name) {
            case "pledge.id", "instalment.pledge_id", "pledge_history.pledge_id" -> pledge;
            case "outbox_event.id" -> UUID.randomUUID();
            case "outbox_event.subject" -> pledge.toString();
            case "outbox_event.sent_at" -> null;
            case "idempotency_key.idempotency_key" -> UUID.randomUUID().toString();
            case "idempotency_key.location" -> "/pledges/" + pledge;
            default -> value;
          };
      if (value == null) {
        insert.setNull(++i, row.types().get(name));
      } else {
        insert.setObject(++i, value);
      }
    }
  }

  /** What one transaction writes, e.g. "pledge 1 row, outbox_event 1 row (payload 1,012 B)". */
  private static String describe(List<Row> sample) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    Map<String, Integer> bytes = new LinkedHashMap<>();
    for (Row row : sample) {
      rows.merge(row.table(), 1, Integer::sum);
      int text =
          row.columns().values().stream()
              .filter(String.class::isInstance)
              .mapToInt(v -> ((String) v).length())
              .sum();
      bytes.merge(row.table(), text, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    rows.forEach(
        (table, n) ->
            parts.add(
                String.format(
                    Locale.ROOT,
                    "%s %d row%s (text %,d B)",
                    table,
                    n,
                    n == 1 ? "" : "s",
                    bytes.get(table))));
    return String.join(", ", parts);
  }

  private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

  /** The migrations in Flyway's order (by version number). */
  private static List<Path> migrations(Path folder) {
    try (var files = Files.list(folder)) {
      return files
          .filter(f -> VERSION.matcher(f.getFileName().toString()).matches())
          .sorted(Comparator.comparingLong(PledgeRowsBaseline::version))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private static long version(Path migration) {
    Matcher m = VERSION.matcher(migration.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(migration.toString());
    }
    return Long.parseLong(m.group(1));
  }
}
