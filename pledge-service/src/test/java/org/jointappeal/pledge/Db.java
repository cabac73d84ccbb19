package org.jointappeal.pledge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jointappeal.localstack.quarkus.PostgresKafkaTestResource;

/** Plain JDBC on the service's test database: asserts on rows without the service's help. */
public final class Db {

  private Db() {}

  public static List<Object> column(String sql, Object... params) {
    try (Connection c =
            DriverManager.getConnection(PostgresKafkaTestResource.jdbcUrl(), "pledge", "pledge");
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (var rs = statement.executeQuery()) {
        List<Object> values = new ArrayList<>();
        while (rs.next()) {
          values.add(rs.getObject(1));
        }
        return values;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A connection of the test's own, for holding locks while the service works. */
  public static Connection connect() {
    try {
      return DriverManager.getConnection(PostgresKafkaTestResource.jdbcUrl(), "pledge", "pledge");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static int update(String sql, Object... params) {
    try (Connection c = connect();
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long count(String sql, Object... params) {
    return ((Number) column(sql, params).get(0)).longValue();
  }
}
