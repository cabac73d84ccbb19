package org.jointappeal.appeal;

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
            DriverManager.getConnection(PostgresKafkaTestResource.jdbcUrl(), "appeal", "appeal");
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

  /** Runs one statement (test set-up only); returns the rows it changed. */
  public static int update(String sql, Object... params) {
    try (Connection c =
            DriverManager.getConnection(PostgresKafkaTestResource.jdbcUrl(), "appeal", "appeal");
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long count(String sql, Object... params) {
    return ((Number) column(sql, params).get(0)).longValue();
  }
}
