package org.jointappeal.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClusterTest {

  private static final String TOPIC = "pledge-events";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
  // a loaded 2-core machine: a fenced node's partitions move within seconds, but not always
  private static final Duration FAILOVER = Duration.ofMinutes(2);

  @Test
  void threeNodesKeepAcceptingWritesWhenTheLeaderAndThenTheControllerAreKilled(
      @TempDir Path tempDir) throws Exception {
    try (KafkaCluster cluster = KafkaCluster.start(tempDir.resolve("kafka"), 3)) {
      assertThat(cluster.size()).isEqualTo(3);
      assertThat(cluster.replicationFactor()).isEqualTo((short) 3);
      assertThat(cluster.minInsyncReplicas()).isEqualTo(2);
      assertThat(cluster.liveNodes()).containsExactly(1, 2, 3);
      assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
      for (KafkaBroker node : cluster.nodes()) {
        assertThat(PostgresAndKafkaTest.listeningAddresses(node.brokerPort()))
            .isNotEmpty()
            .isSubsetOf(PostgresAndKafkaTest.LOOPBACK);
        assertThat(PostgresAndKafkaTest.listeningAddresses(node.controllerPort()))
            .isNotEmpty()
            .isSubsetOf(PostgresAndKafkaTest.LOOPBACK);
        assertThat(node.dataDir()).isEqualTo(tempDir.resolve("kafka/node-" + node.nodeId()));
      }

      cluster.createTopics(Map.of(TOPIC, 3, TOPIC + ".dlq", 1));
      cluster.createTopics(Map.of(TOPIC, 3)); // a second call must not fail
      assertThat(topicConfig(cluster, TOPIC).get("min.insync.replicas").value()).isEqualTo("2");
      assertThat(cluster.underReplicatedPartitions()).isEmpty();
      assertThat(cluster.partitionLeaders())
          .containsKeys(PARTITION, new TopicPartition(TOPIC + ".dlq", 0));

      List<String> sent = new ArrayList<>();
      try (KafkaProducer<String, String> producer = producer(cluster)) {
        send(producer, sent, "announced");

        // the leader of partition 0 dies: another in-sync replica takes over, writes go on
        int leader = cluster.partitionLeaders().get(PARTITION);
        KafkaBroker killed = cluster.node(leader);
        int port = killed.brokerPort();
        cluster.kill(leader);
        assertThat(killed.isRunning()).isFalse();
        await()
            .atMost(FAILOVER)
            .ignoreExceptions()
            .untilAsserted(
                () -> assertThat(cluster.partitionLeaders().values()).doesNotContain(leader, -1));
        assertThat(cluster.liveNodes()).doesNotContain(leader).hasSize(2);
        // two in-sync replicas left: acks=all writes are still acknowledged
        send(producer, sent, "committed");

        // back on its ports and data: it catches up and rejoins every ISR
        cluster.restart(leader);
        assertThat(killed.brokerPort()).isEqualTo(port);
        assertThat(cluster.liveNodes()).containsExactly(1, 2, 3);
        await()
            .atMost(FAILOVER)
            .ignoreExceptions()
            .untilAsserted(() -> assertThat(cluster.underReplicatedPartitions()).isEmpty());
        assertThat(killed.dataDir().resolve("kafka-logs").resolve(TOPIC + "-0")).isDirectory();

        // the active controller dies: the two other voters elect a new one
        int controller = cluster.activeController();
        cluster.kill(controller);
        await()
            .atMost(FAILOVER)
            .ignoreExceptions()
            .untilAsserted(
                () -> assertThat(cluster.activeController()).isNotEqualTo(controller).isPositive());
        await()
            .atMost(FAILOVER)
            .ignoreExceptions()
            .untilAsserted(
                () ->
                    assertThat(cluster.partitionLeaders().values()).doesNotContain(controller, -1));
        send(producer, sent, "paid");
      }
      assertThat(consume(cluster, sent.size())).containsExactlyElementsOf(sent);
    }
    assertThat(Files.exists(tempDir.resolve("kafka/cluster.id"))).isTrue();
  }

  @Test
  void oneNodeIsABrokerAloneWithOneReplicaInItsDataDirectory(@TempDir Path tempDir)
      throws Exception {
    try (KafkaCluster cluster = KafkaCluster.start(tempDir.resolve("kafka"), 1)) {
      assertThat(cluster.replicationFactor()).isEqualTo((short) 1);
      assertThat(cluster.minInsyncReplicas()).isEqualTo(1);
      assertThat(cluster.node(1).dataDir()).isEqualTo(tempDir.resolve("kafka"));
      assertThat(cluster.activeController()).isEqualTo(1);
      cluster.createTopics(Map.of(TOPIC, 3));
      List<String> sent = new ArrayList<>();
      try (KafkaProducer<String, String> producer = producer(cluster)) {
        send(producer, sent, "announced");
      }
      cluster.kill();
      assertThat(cluster.processHandles()).isEmpty();
      cluster.restart();
      assertThat(consume(cluster, 1)).containsExactlyElementsOf(sent);
    }
  }

  /** The platform's producers' settings: every in-sync replica acknowledges, no duplicates. */
  private static KafkaProducer<String, String> producer(KafkaCluster cluster) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
  }

  /** One record to partition 0, awaited: it is acknowledged by the in-sync replicas or fails. */
  private static void send(KafkaProducer<String, String> producer, List<String> sent, String value)
      throws Exception {
    producer.send(new ProducerRecord<>(TOPIC, 0, "CIS-1997", value)).get();
    sent.add(value);
  }

  private static List<String> consume(KafkaCluster cluster, int count) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<String> values = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(PARTITION));
      consumer.seekToBeginning(List.of(PARTITION));
      while (values.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }

  private static Map<String, org.apache.kafka.clients.admin.ConfigEntry> topicConfig(
      KafkaCluster cluster, String topic) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
      Map<String, org.apache.kafka.clients.admin.ConfigEntry> entries = new java.util.HashMap<>();
      config.entries().forEach(entry -> entries.put(entry.name(), entry));
      return entries;
    }
  }
}
