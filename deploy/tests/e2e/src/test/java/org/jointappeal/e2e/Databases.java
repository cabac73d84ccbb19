package org.jointappeal.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the services' own databases directly (as the PostgreSQL superuser), to see what a request
 * really left behind: nothing goes through the services' APIs here.
 */
final class Databases {

  /**
   * Rows that change on their own while nothing happens: the relay marks outbox rows sent and
   * renews its lease. Only their number is compared.
   */
  private static final Set<String> BUSY_TABLES =
      Set.of("outbox_event", "outbox_relay_lease", "flyway_schema_history");

  /**
   * notification-service's own background work, left out: alerts fire and resolve as time passes
   * (overdue and unmatched-receipt rules), and the dispatcher and sender notify subscribers on
   * their schedule. No request of the catalogue writes these tables directly.
   */
  private static final Set<String> BACKGROUND_TABLES =
      Set.of(
          "alert",
          "alert_transition",
          "delivery",
          "delivery_attempt",
          "notification_group",
          "notification_log");

  private Databases() {}

  /** The database of a service: appeal-service keeps its data in "appeal". */
  static String of(String service) {
    return service.substring(0, service.indexOf('-'));
  }

  static Connection connect(String service) throws SQLException {
    return RunningPlatform.get().postgres().connect(of(service));
  }

  /**
   * Every table of the service's database with its row count and a digest of its content (count
   * only for {@link #BUSY_TABLES}): two equal fingerprints mean nothing was inserted, changed or
   * deleted in between.
   */
  static Map<String, String> fingerprint(String service) {
    Map<String, String> tables = new TreeMap<>();
    try (Connection connection = connect(service)) {
      List<String> names = new ArrayList<>();
      try (var rows =
          connection
              .createStatement()
              .executeQuery(
                  "select table_name from information_schema.tables"
                      + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      for (String table : names) {
        if (service.equals("notification-service")
            && (BACKGROUND_TABLES.contains(table) || table.equals("outbox_event"))) {
          continue;
        }
        // table names come from the catalogue, not from input; quoted all the same
        String quoted = '"' + table.replace("\"", "\"\"") + '"';
        String sql =
            BUSY_TABLES.contains(table)
                ? "select count(*)::text from " + quoted
                : "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)),"
                    + " '') from "
                    + quoted
                    + " t";
        try (var rows = connection.createStatement().executeQuery(sql)) {
          rows.next();
          tables.put(table, rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database of " + service, e);
    }
    return tables;
  }

  /** One number from a query, e.g. {@code count(service, "select count(*) from pledge")}. */
  static long count(String service, String sql, Object... parameters) {
    try (Connection connection = connect(service);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot query the database of " + service + ": " + sql, e);
    }
  }

  /** Rows of a query as maps of column name to text, for reports and assertions. */
  static List<Map<String, String>> rows(String service, String sql, Object... parameters) {
    try (Connection connection = connect(service);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Map<String, String>> result = new ArrayList<>();
      try (var rows = statement.executeQuery()) {
        var meta = rows.getMetaData();
        while (rows.next()) {
          Map<String, String> row = new TreeMap<>();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            row.put(meta.getColumnLabel(c), rows.getString(c));
          }
          result.add(row);
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot query the database of " + service + ": " + sql, e);
    }
  }
}
