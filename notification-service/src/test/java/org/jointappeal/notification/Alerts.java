package org.jointappeal.notification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jointappeal.localstack.quarkus.PostgresKafkaTestResource;

/**
 * Alert rows written with SQL, for labels the alert engine does not produce yet (kind, level,
 * donor): defaults are a firing funding-gap alert of the appeal at {@link TestClock#DEFAULT_NOW}.
 */
public final class Alerts {

  private final Map<String, String> labels = new TreeMap<>();
  private Instant startsAt = TestClock.DEFAULT_NOW;
  private String summary;

  private Alerts(String appeal) {
    labels.put("appeal", appeal);
    labels.put("rule", "funding-gap");
    labels.put("kind", "funding-gap");
    labels.put("severity", "warning");
  }

  public static Alerts anAlert(String appeal) {
    return new Alerts(appeal);
  }

  public Alerts label(String name, String value) {
    labels.put(name, value);
    return this;
  }

  public Alerts firingSince(Instant at) {
    this.startsAt = at;
    return this;
  }

  public Alerts summary(String summary) {
    this.summary = summary;
    return this;
  }

  /** Inserts the FIRING alert and returns its id. */
  public UUID fire() {
    UUID id = UUID.randomUUID();
    String fingerprint =
        labels.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    String labelsJson =
        labels.entrySet().stream()
            .map(e -> "\"%s\":\"%s\"".formatted(e.getKey(), e.getValue()))
            .collect(Collectors.joining(",", "{", "}"));
    update(
        """
        insert into alert (id, rule, appeal_code, fingerprint, status, starts_at, summary,
                           coverage_percent, threshold_percent, version, labels, kind, subject)
        values (?, ?, ?, ?, 'FIRING', ?, ?, 30.00, 50.00, 0, cast(? as jsonb), ?, ?)""",
        id,
        labels.get("rule"),
        labels.get("appeal"),
        fingerprint,
        Timestamp.from(startsAt),
        summary != null
            ? summary
            : "appeal %s is 30.00%% covered (threshold 50.00%%)".formatted(labels.get("appeal")),
        labelsJson,
        // the engine's kind (FUNDING_GAP) from the kind label (funding-gap)
        labels
            .getOrDefault("kind", "funding-gap")
            .toUpperCase(java.util.Locale.ROOT)
            .replace('-', '_'),
        labels.getOrDefault("pledge", labels.getOrDefault("appeal", labels.get("donor"))));
    return id;
  }

  /** Resolves a firing alert at the given time, as the engine would. */
  public static void resolve(UUID id, Instant at) {
    update(
        "update alert set status = 'RESOLVED', ends_at = ?, version = version + 1 where id = ?",
        Timestamp.from(at),
        id);
  }

  private static void update(String sql, Object... params) {
    try (Connection c =
            DriverManager.getConnection(
                PostgresKafkaTestResource.jdbcUrl(), "notification", "notification");
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
