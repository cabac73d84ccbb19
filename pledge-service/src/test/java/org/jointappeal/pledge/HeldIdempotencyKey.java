package org.jointappeal.pledge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jointappeal.localstack.quarkus.PostgresKafkaTestResource;

/**
 * Another request's transaction holding an Idempotency-Key (its advisory lock taken and its row
 * inserted, not yet committed), as a first request still in progress would. Closing rolls it back.
 */
public final class HeldIdempotencyKey implements AutoCloseable {

  private final Connection connection;

  public HeldIdempotencyKey(String subject, String key) {
    try {
      connection =
          DriverManager.getConnection(PostgresKafkaTestResource.jdbcUrl(), "pledge", "pledge");
      connection.setAutoCommit(false);
      // the key's lock as IdempotentRequests takes it (KEY_LOCK): held until the transaction ends
      try (var lock =
          connection.prepareStatement(
              "select pg_advisory_xact_lock(hashtextextended(? || chr(10) || ?, 18))")) {
        lock.setString(1, subject);
        lock.setString(2, key);
        lock.execute();
      }
      try (var insert =
          connection.prepareStatement(
              """
              insert into idempotency_key (subject, idempotency_key, request_hash, created_at)
              values (?, ?, repeat('0', 64), now())""")) {
        insert.setString(1, subject);
        insert.setString(2, key);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.rollback();
    connection.close();
  }
}
