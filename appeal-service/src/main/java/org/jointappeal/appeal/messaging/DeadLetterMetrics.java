package org.jointappeal.appeal.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.Config;

/**
 * Records currently held in each dead-letter topic this service writes to ({@code
 * jointappeal.dlq.size}): the end offset minus the beginning offset, summed over partitions. The
 * counter {@code jointappeal.dlq.records} says what this instance moved there since it started;
 * this says what waits for a human, whoever put it there and whatever retention removed. A topic
 * not created yet holds nothing.
 */
@ApplicationScoped
public class DeadLetterMetrics {

  private static final long TIMEOUT_SECONDS = 5;

  private final Map<String, Object> kafkaConfig;
  private final Map<String, AtomicLong> sizes = new ConcurrentHashMap<>();
  private volatile Admin admin;

  DeadLetterMetrics(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      Config config,
      MeterRegistry registry) {
    this.kafkaConfig = kafkaConfig;
    for (String topic : deadLetterTopics(config)) {
      var size = new AtomicLong();
      sizes.put(topic, size);
      Gauge.builder("jointappeal.dlq.size", size, AtomicLong::get)
          .description("Records currently held in the dead-letter topic")
          .tag("topic", topic)
          .register(registry);
    }
  }

  /** The channels' own configuration names the topics: nothing to keep in step by hand. */
  private static List<String> deadLetterTopics(Config config) {
    var topics = new TreeSet<String>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".dead-letter-queue.topic")) {
        config.getOptionalValue(name, String.class).ifPresent(topics::add);
      }
    }
    return List.copyOf(topics);
  }

  @Scheduled(
      every = "{appeal.metrics.refresh-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void refresh() {
    if (sizes.isEmpty()) {
      return;
    }
    try {
      var partitions = partitions();
      var earliest = offsets(partitions, OffsetSpec.earliest());
      var latest = offsets(partitions, OffsetSpec.latest());
      for (var entry : sizes.entrySet()) {
        long held = 0;
        for (TopicPartition partition : partitions) {
          if (partition.topic().equals(entry.getKey())) {
            held += latest.get(partition).offset() - earliest.get(partition).offset();
          }
        }
        entry.getValue().set(held);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Log.warnf("dead-letter topic sizes not measured: %s", e.toString());
    }
  }

  private List<TopicPartition> partitions()
      throws InterruptedException, ExecutionException, TimeoutException {
    var described = admin().describeTopics(sizes.keySet()).topicNameValues();
    var partitions = new ArrayList<TopicPartition>();
    for (var entry : described.entrySet()) {
      TopicDescription topic;
      try {
        topic = entry.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          continue; // nothing dead-lettered yet: the gauge stays at zero
        }
        throw e;
      }
      topic
          .partitions()
          .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
    }
    return partitions;
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(
      List<TopicPartition> partitions, OffsetSpec spec)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    return admin()
        .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)))
        .all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private Admin admin() {
    if (admin == null) {
      // the connector's broker settings (bootstrap servers, security), without consumer or
      // producer keys the admin client would warn about
      var settings = new HashMap<String, Object>();
      kafkaConfig.forEach(
          (key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
              settings.put(key, value);
            }
          });
      settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "dead-letter-metrics");
      settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (TIMEOUT_SECONDS * 1000));
      settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) (TIMEOUT_SECONDS * 1000));
      admin = Admin.create(settings);
    }
    return admin;
  }

  void close(@Observes ShutdownEvent shutdown) {
    if (admin != null) {
      admin.close(Duration.ofSeconds(TIMEOUT_SECONDS));
    }
  }
}
