package org.jointappeal.localstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jointappeal.localstack.KafkaBroker;
import org.jointappeal.localstack.PostgresServer;

/**
 * Real PostgreSQL and Kafka on throw-away directories and free ports, for a service's tests:
 *
 * <pre>{@code
 * @QuarkusTestResource(value = PostgresKafkaTestResource.class, initArgs = {
 *     @ResourceArg(name = "database", value = "pledge"),
 *     @ResourceArg(name = "topics", value = "appeal-events,pledge-events")})
 * }</pre>
 *
 * The database's role and password are both the database name. Each topic gets 3 partitions and a
 * {@code <topic>.dlq} with 1 partition.
 */
public class PostgresKafkaTestResource implements QuarkusTestResourceLifecycleManager {

  private static final System.Logger LOG =
      System.getLogger(PostgresKafkaTestResource.class.getName());
  // System properties rather than static fields: Quarkus may load this class in a different class
  // loader than the test that asks for the addresses.
  private static final String BOOTSTRAP_SERVERS_PROPERTY =
      "local-stack.test.kafka.bootstrap.servers";
  private static final String JDBC_URL_PROPERTY = "local-stack.test.jdbc.url";
  private static final int TOPIC_PARTITIONS = 3;
  private static final int DLQ_PARTITIONS = 1;

  private String database;
  private List<String> topics = List.of();
  private PostgresServer postgres;
  private KafkaBroker kafka;

  /** The running broker's bootstrap servers, for tests that read topics with a raw consumer. */
  public static String bootstrapServers() {
    return runningValue(BOOTSTRAP_SERVERS_PROPERTY);
  }

  /** The running database's JDBC URL; user and password are the database name. */
  public static String jdbcUrl() {
    return runningValue(JDBC_URL_PROPERTY);
  }

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.get("database");
    if (database == null || database.isBlank()) {
      throw new IllegalArgumentException(
          "PostgresKafkaTestResource needs @ResourceArg(name = \"database\", value = ...)");
    }
    topics =
        Arrays.stream(initArgs.getOrDefault("topics", "").split(","))
            .map(String::strip)
            .filter(topic -> !topic.isEmpty())
            .toList();
  }

  @Override
  public Map<String, String> start() {
    long started = System.nanoTime();
    // Both take seconds and do not depend on each other: the broker starts in the background.
    CompletableFuture<KafkaBroker> kafkaStart =
        CompletableFuture.supplyAsync(this::startKafka, runnable -> daemon(runnable).start());
    try {
      postgres = PostgresServer.start(null, 0);
      postgres.ensureDatabase(database, database, database);
      kafka = kafkaStart.join();
    } catch (IOException | RuntimeException e) {
      stopAfterFailedStart(kafkaStart);
      Throwable cause = e instanceof CompletionException ? e.getCause() : e;
      throw new IllegalStateException("cannot start PostgreSQL and Kafka for tests", cause);
    }

    Map<String, String> config = new LinkedHashMap<>();
    config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
    config.put("quarkus.datasource.username", database);
    config.put("quarkus.datasource.password", database);
    config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    System.setProperty(JDBC_URL_PROPERTY, postgres.jdbcUrl(database));
    System.setProperty(BOOTSTRAP_SERVERS_PROPERTY, kafka.bootstrapServers());
    LOG.log(
        Level.INFO,
        "test resources ready database={0} topics={1} in {2} ms",
        database,
        topics,
        String.valueOf(Duration.ofNanos(System.nanoTime() - started).toMillis()));
    return config;
  }

  @Override
  public void stop() {
    System.clearProperty(JDBC_URL_PROPERTY);
    System.clearProperty(BOOTSTRAP_SERVERS_PROPERTY);
    try {
      if (kafka != null) {
        kafka.close();
      }
    } finally {
      kafka = null;
      if (postgres != null) {
        postgres.close();
      }
      postgres = null;
    }
  }

  private KafkaBroker startKafka() {
    KafkaBroker broker;
    try {
      broker = KafkaBroker.start(null, 0, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Map<String, Integer> partitionsByTopic = new LinkedHashMap<>();
      for (String topic : topics) {
        partitionsByTopic.put(topic, TOPIC_PARTITIONS);
        partitionsByTopic.put(topic + ".dlq", DLQ_PARTITIONS);
      }
      broker.createTopics(partitionsByTopic);
      return broker;
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  private void stopAfterFailedStart(CompletableFuture<KafkaBroker> kafkaStart) {
    try {
      // Wait for the broker's start to end either way, so that no broker outlives the failure.
      kafka = kafkaStart.handle((broker, failure) -> broker).join();
      stop();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cleanup after a failed start failed too", e);
    }
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "local-stack-kafka-start");
    thread.setDaemon(true);
    return thread;
  }

  private static String runningValue(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("PostgresKafkaTestResource is not running");
    }
    return value;
  }
}
