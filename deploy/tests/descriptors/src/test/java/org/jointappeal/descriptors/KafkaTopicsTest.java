package org.jointappeal.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jointappeal.descriptors.Repo.Resource;
import org.junit.jupiter.api.Test;

/** The topics the services really use (their application.properties) exist where they run. */
class KafkaTopicsTest {

  private static final int REPLICATION = 3;
  private static final int MIN_IN_SYNC = 2;

  private final List<Resource> base = Repo.baseResources();

  @Test
  void everyTopicTheServicesUseIsAKafkaTopicReplicatedThreeTimes() {
    Map<String, Resource> topics = topicsByName(base);
    List<String> violations = new ArrayList<>();
    for (String topic : usedTopics()) {
      Resource resource = topics.get(topic);
      if (resource == null) {
        violations.add(topic + ": no KafkaTopic in deploy/kubernetes/base");
        continue;
      }
      Integer replicas = Tree.integer(resource.tree(), "spec", "replicas");
      if (replicas == null || replicas < REPLICATION) {
        violations.add(resource.where() + ": replicas " + replicas);
      }
      Integer minInSync =
          Tree.integer(resource.tree(), "spec", "config", "min.insync.replicas") != null
              ? Tree.integer(resource.tree(), "spec", "config", "min.insync.replicas")
              : Tree.integer(kafka().tree(), "spec", "kafka", "config", "min.insync.replicas");
      if (minInSync == null || minInSync < MIN_IN_SYNC) {
        violations.add(resource.where() + ": min.insync.replicas " + minInSync);
      }
      if (!"joint-appeal"
              .equals(Tree.string(resource.tree(), "metadata", "labels", "strimzi.io/cluster"))
          || !kafka().name().equals("joint-appeal")) {
        violations.add(resource.where() + ": not labelled for the Kafka cluster joint-appeal");
      }
    }
    assertThat(usedTopics()).contains("appeal-events", "pledge-events.dlq");
    assertThat(violations).isEmpty();
  }

  @Test
  void theKafkaClusterKeepsAcknowledgedEventsWithOneNodeDown() {
    Map<String, Object> config = Tree.mapAt(kafka().tree(), "spec", "kafka", "config");
    assertThat(Tree.integer(config, "min.insync.replicas")).isGreaterThanOrEqualTo(MIN_IN_SYNC);
    assertThat(Tree.integer(config, "default.replication.factor"))
        .isGreaterThanOrEqualTo(REPLICATION);
    assertThat(Tree.integer(config, "offsets.topic.replication.factor"))
        .isGreaterThanOrEqualTo(REPLICATION);
    assertThat(String.valueOf(config.get("auto.create.topics.enable"))).isEqualTo("false");
    int nodes =
        base.stream()
            .filter(r -> r.is("KafkaNodePool"))
            .filter(r -> Tree.listAt(r.tree(), "spec", "roles").contains("broker"))
            .mapToInt(r -> Tree.integer(r.tree(), "spec", "replicas"))
            .sum();
    assertThat(nodes).as("brokers in KafkaNodePools").isGreaterThanOrEqualTo(REPLICATION);
    assertThat(Tree.string(kafka().tree(), "metadata", "annotations", "strimzi.io/kraft"))
        .isEqualTo("enabled");
  }

  /** The compose broker creates no topic on demand either: its one-shot job must create them. */
  @Test
  void composeCreatesEveryTopicTheServicesUse() {
    String command =
        String.valueOf(Tree.at(Repo.composeFile(), "services", "kafka-topics", "command"));
    List<String> missing = new ArrayList<>();
    for (String topic : usedTopics()) {
      String loopName = topic.endsWith(".dlq") ? topic.substring(0, topic.length() - 4) : topic;
      boolean created =
          command.contains(loopName) && (!topic.endsWith(".dlq") || command.contains("$topic.dlq"));
      if (!created) {
        missing.add(topic);
      }
    }
    assertThat(missing).isEmpty();
  }

  static Set<String> usedTopics() {
    Set<String> topics = new TreeSet<>();
    for (String service : Repo.SERVICES) {
      topics.addAll(ServiceConfig.of(service).topics());
    }
    return topics;
  }

  static Map<String, Resource> topicsByName(List<Resource> resources) {
    Map<String, Resource> topics = new LinkedHashMap<>();
    resources.stream()
        .filter(r -> r.is("KafkaTopic"))
        .forEach(
            r -> {
              String topicName = Tree.string(r.tree(), "spec", "topicName");
              topics.put(topicName != null ? topicName : r.name(), r);
            });
    return topics;
  }

  static Map<String, Integer> partitionsByTopic(List<Resource> resources) {
    Map<String, Integer> partitions = new LinkedHashMap<>();
    topicsByName(resources)
        .forEach((name, r) -> partitions.put(name, Tree.integer(r.tree(), "spec", "partitions")));
    return partitions;
  }

  private Resource kafka() {
    List<Resource> clusters = base.stream().filter(r -> r.is("Kafka")).toList();
    assertThat(clusters).as("Kafka resources in deploy/kubernetes/base").hasSize(1);
    return clusters.get(0);
  }
}
