package org.jointappeal.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Offsets of the platform's topics and consumer groups, read with Kafka's admin client. */
final class Topics implements AutoCloseable {

  private final Admin admin;

  Topics(String bootstrapServers) {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    admin = Admin.create(properties);
  }

  Admin admin() {
    return admin;
  }

  Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) {
    try {
      var partitions =
          admin
              .describeTopics(java.util.List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .collect(Collectors.toMap(tp -> tp, tp -> spec));
      return admin.listOffsets(partitions).all().get().entrySet().stream()
          .collect(
              Collectors.toMap(
                  Map.Entry::getKey,
                  e -> ((ListOffsetsResult.ListOffsetsResultInfo) e.getValue()).offset()));
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("cannot read offsets of " + topic, e);
    }
  }

  long endOffsetSum(String topic) {
    return offsets(topic, OffsetSpec.latest()).values().stream().mapToLong(Long::longValue).sum();
  }

  long committedSum(String group, String topic) {
    try {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .entrySet()
          .stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("cannot read offsets of group " + group, e);
    }
  }

  /** Waits until a group has consumed everything on a topic; false on timeout. */
  boolean awaitCaughtUp(String group, String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (committedSum(group, topic) >= endOffsetSum(topic)) {
        return true;
      }
      Benchmark.sleep(Duration.ofMillis(200));
    }
    return false;
  }

  void rewind(String group, String topic) throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetAndMetadata> earliest =
        offsets(topic, OffsetSpec.earliest()).entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
    admin.alterConsumerGroupOffsets(group, earliest).all().get();
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
