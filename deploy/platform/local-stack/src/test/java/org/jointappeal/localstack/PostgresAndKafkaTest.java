package org.jointappeal.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jointappeal.localstack.quarkus.PostgresKafkaTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresAndKafkaTest {

  // ::ffff:127.0.0.1 and 127.0.0.1 as /proc/net/tcp6 and /proc/net/tcp write them.
  static final Set<String> LOOPBACK = Set.of("0000000000000000FFFF00000100007F", "0100007F");

  @Test
  void testResourceGivesADatabaseAndTopicsOnLoopbackOnly() throws Exception {
    PostgresKafkaTestResource resource = new PostgresKafkaTestResource();
    resource.init(Map.of("database", "smoke", "topics", "smoke-events, audit-events"));
    Map<String, String> config = resource.start();
    try {
      String jdbcUrl = config.get("quarkus.datasource.jdbc.url");
      String bootstrapServers = config.get("kafka.bootstrap.servers");
      assertThat(PostgresKafkaTestResource.jdbcUrl()).isEqualTo(jdbcUrl);
      assertThat(PostgresKafkaTestResource.bootstrapServers()).isEqualTo(bootstrapServers);

      try (Connection connection =
              DriverManager.getConnection(
                  jdbcUrl,
                  config.get("quarkus.datasource.username"),
                  config.get("quarkus.datasource.password"));
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE pledge (id int PRIMARY KEY, donor text)");
        statement.execute("INSERT INTO pledge VALUES (1, 'SWE')");
        assertThat(queryString(statement, "SELECT donor FROM pledge WHERE id = 1"))
            .isEqualTo("SWE");
        assertThat(queryString(statement, "SELECT current_user")).isEqualTo("smoke");
      }

      assertThat(partitionsByTopic(bootstrapServers))
          .containsAllEntriesOf(
              Map.of("smoke-events", 3, "smoke-events.dlq", 1, "audit-events", 3));
      send(bootstrapServers, "smoke-events", "pledge-1", "committed");
      assertThat(consume(bootstrapServers, "smoke-events", 1))
          .containsExactly("pledge-1=committed");

      assertThat(listeningAddresses(port(jdbcUrl.replaceAll("/[^/]*$", ""))))
          .isNotEmpty()
          .isSubsetOf(LOOPBACK);
      assertThat(listeningAddresses(port(bootstrapServers))).isNotEmpty().isSubsetOf(LOOPBACK);
    } finally {
      resource.stop();
    }
    assertThatThrownBy(PostgresKafkaTestResource::bootstrapServers)
        .hasMessageContaining("not running");
  }

  @Test
  void recordsSurviveABrokerKillAndRestart() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(null, 0, 0)) {
      broker.createTopics(Map.of("appeal-events", 3));
      broker.createTopics(Map.of("appeal-events", 3)); // a second call must not fail
      assertThat(listeningAddresses(broker.controllerPort())).isNotEmpty().isSubsetOf(LOOPBACK);
      send(broker.bootstrapServers(), "appeal-events", "appeal-1", "opened");

      broker.kill();
      assertThat(broker.isRunning()).isFalse();
      broker.restart();

      send(broker.bootstrapServers(), "appeal-events", "appeal-1", "closed");
      assertThat(consume(broker.bootstrapServers(), "appeal-events", 2))
          .containsExactly("appeal-1=opened", "appeal-1=closed");
    }
  }

  @Test
  void postgresKeepsItsDataAcrossRestarts(@TempDir Path tempDir) throws Exception {
    Path dataDir = tempDir.resolve("postgres");
    try (PostgresServer postgres = PostgresServer.start(dataDir, 0)) {
      postgres.ensureDatabase("appeal", "appeal", "secret");
      try (Connection connection =
              DriverManager.getConnection(postgres.jdbcUrl("appeal"), "appeal", "secret");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE appeal (code text PRIMARY KEY)");
        statement.execute("INSERT INTO appeal VALUES ('FLOOD-2026')");
      }
    }

    try (PostgresServer postgres = PostgresServer.start(dataDir, 0)) {
      postgres.ensureDatabase("appeal", "appeal", "secret");
      try (Connection connection =
              DriverManager.getConnection(postgres.jdbcUrl("appeal"), "appeal", "secret");
          Statement statement = connection.createStatement()) {
        assertThat(queryString(statement, "SELECT code FROM appeal")).isEqualTo("FLOOD-2026");
      }
    }
    assertThat(dataDir.resolve("PG_VERSION")).exists();
  }

  @Test
  void postgresRestartsOnItsPortWithItsDataAndCutsOpenConnections(@TempDir Path tempDir)
      throws Exception {
    try (PostgresServer postgres = PostgresServer.start(tempDir.resolve("postgres"), 0)) {
      postgres.ensureDatabase("pledge", "pledge", "secret");
      int port = postgres.port();
      Connection before =
          DriverManager.getConnection(postgres.jdbcUrl("pledge"), "pledge", "secret");
      try (Statement statement = before.createStatement()) {
        statement.execute("CREATE TABLE pledge (id text PRIMARY KEY)");
        statement.execute("INSERT INTO pledge VALUES ('NOR-1')");
      }

      postgres.restart(Duration.ofMillis(200));

      assertThat(postgres.port()).isEqualTo(port);
      assertThatThrownBy(() -> before.createStatement().execute("SELECT 1"))
          .isInstanceOf(SQLException.class);
      try (Connection after =
              DriverManager.getConnection(postgres.jdbcUrl("pledge"), "pledge", "secret");
          Statement statement = after.createStatement()) {
        assertThat(queryString(statement, "SELECT id FROM pledge")).isEqualTo("NOR-1");
      }
    }
  }

  private static void send(String bootstrapServers, String topic, String key, String value)
      throws Exception {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /** Reads a topic from the start with a new group until {@code count} records arrived. */
  private static List<String> consume(String bootstrapServers, String topic, int count) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "smoke-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> records = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (records.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          records.add(record.key() + "=" + record.value());
        }
      }
    }
    return records;
  }

  private static Map<String, Integer> partitionsByTopic(String bootstrapServers) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> names = admin.listTopics().names().get();
      return admin.describeTopics(names).allTopicNames().get().values().stream()
          .collect(Collectors.toMap(TopicDescription::name, topic -> topic.partitions().size()));
    }
  }

  private static String queryString(Statement statement, String query) throws SQLException {
    try (ResultSet rows = statement.executeQuery(query)) {
      assertThat(rows.next()).as("a row from %s", query).isTrue();
      return rows.getString(1);
    }
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  /** The local addresses of the listening TCP sockets on a port, as the kernel lists them. */
  static List<String> listeningAddresses(int port) throws IOException {
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.strip().split("\\s+");
        String[] local = fields[1].split(":");
        boolean listening = fields[3].equals("0A");
        if (listening && Integer.parseInt(local[1], 16) == port) {
          addresses.add(local[0]);
        }
      }
    }
    return addresses;
  }
}
