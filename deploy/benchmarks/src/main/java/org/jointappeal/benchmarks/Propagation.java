package org.jointappeal.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Scenario 2: from the 200 of {@code POST /pledges/{id}/commitment} (the moment the pledge counts
 * as funding, FTS: funding = committed + paid) to the moment appeal-service's {@code
 * funding.changed.v1} whose {@code committed} figure includes it is read from {@code
 * funding-events} by a plain Kafka consumer. Commits are paced at a steady rate over a few appeals
 * of their own; on each appeal they follow one another, so the n-th commit is matched by the first
 * event whose committed figure reaches the appeal's committed money before the run plus n x USD
 * 1.00.
 */
final class Propagation {

  private static final int APPEALS = 4;
  private static final BigDecimal ONE = new BigDecimal("1.00");

  private final Api api;
  private final DataLoader data;
  private final String bootstrapServers;
  private final Runnable settle;

  /** {@code settle} waits until the consumers have caught up (see Benchmark). */
  Propagation(Api api, DataLoader data, String bootstrapServers, Runnable settle) {
    this.api = api;
    this.data = data;
    this.bootstrapServers = bootstrapServers;
    this.settle = settle;
  }

  private record Seen(BigDecimal committed, long at) {}

  private record Sample(String appeal, BigDecimal threshold, long committedAt) {}

  /** On four fresh appeals of their own, commits round robin. */
  Step run(String label, double rate, Duration duration) {
    List<String> appeals = new ArrayList<>();
    for (int i = 0; i < APPEALS; i++) {
      appeals.add(data.newAppeal(label + "P" + i));
    }
    return runOn(label, appeals, rate, duration);
  }

  /**
   * On the given appeals (already holding pledges or not), commits round robin, one lane per
   * appeal. The pledges to commit are announced first, before the clock, and their events consumed:
   * what is timed is the commitment alone, on an appeal of the size given.
   */
  Step runOn(String label, List<String> appeals, double rate, Duration duration) {
    Map<String, BigDecimal> base = new ConcurrentHashMap<>();
    Map<String, List<Seen>> seen = new ConcurrentHashMap<>();
    appeals.forEach(a -> seen.put(a, new CopyOnWriteArrayList<>()));
    long count = Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
    List<CompletableFuture<String>> announced = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      announced.add(data.announce(appeals.get((int) (i % appeals.size())), "SWE", "1.00", 0));
      if (announced.size() % 16 == 0) {
        announced.get(announced.size() - 1).join();
      }
    }
    List<String> ids = announced.stream().map(CompletableFuture::join).toList();
    data.countCreated(count);
    settle.run();
    for (String appeal : appeals) {
      // what the appeal holds committed before the first timed commit
      JsonNode funding =
          Api.read(
              Api.expect(
                  api.call(
                      "GET", api.appealUrl() + "/appeals/" + appeal + "/funding", "finance", null),
                  200,
                  "funding of " + appeal));
      base.put(appeal, new BigDecimal(funding.path("committed").path("amount").asText("0")));
    }
    AtomicBoolean consuming = new AtomicBoolean(true);
    Thread consumer = new Thread(() -> consume(seen, consuming), "funding-events-reader");
    consumer.start();
    List<Sample> samples = new CopyOnWriteArrayList<>();
    List<ExecutorService> lanes = new ArrayList<>();
    for (int i = 0; i < appeals.size(); i++) {
      lanes.add(Executors.newSingleThreadExecutor());
    }
    long period = (long) (1e9 / rate);
    long start = System.nanoTime();
    List<String> failures = new CopyOnWriteArrayList<>();
    for (long i = 0; i < count; i++) {
      long wait;
      while ((wait = start + i * period - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int lane = (int) (i % appeals.size());
      long n = i / appeals.size() + 1;
      String appeal = appeals.get(lane);
      String id = ids.get((int) i);
      lanes
          .get(lane)
          .execute(
              () -> {
                try {
                  data.commit(id).join();
                  long committedAt = System.nanoTime();
                  BigDecimal threshold = base.get(appeal).add(ONE.multiply(BigDecimal.valueOf(n)));
                  samples.add(new Sample(appeal, threshold, committedAt));
                } catch (RuntimeException e) {
                  failures.add(e.getMessage());
                }
              });
    }
    lanes.forEach(ExecutorService::shutdown);
    for (ExecutorService lane : lanes) {
      awaitQuietly(lane);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && !samples.stream().allMatch(s -> seenAt(seen, s) >= 0)) {
      Benchmark.sleep(Duration.ofMillis(50));
    }
    consuming.set(false);
    join(consumer);
    Histogram micros = new Histogram(3_600_000_000L, 3);
    long missing = 0;
    long early = 0;
    for (Sample sample : samples) {
      long at = seenAt(seen, sample);
      if (at < 0) {
        missing++;
      } else {
        // the relay may publish before the client has read its 200: that counts as 0
        if (at < sample.committedAt()) {
          early++;
        }
        micros.recordValue(Math.max(0, at - sample.committedAt()) / 1000);
      }
    }
    double seconds = duration.toMillis() / 1000.0;
    Step step =
        Step.of(
            label + " commit 200 → funding.changed.v1",
            rate,
            micros.getTotalCount() / seconds,
            missing + failures.size(),
            micros);
    String note = early > 0 ? early + " events read before the client had its 200" : "";
    if (!failures.isEmpty()) {
      note += " failures: " + failures.get(0);
    }
    return step.withNote(note.strip());
  }

  private static long seenAt(Map<String, List<Seen>> seen, Sample sample) {
    return seen.get(sample.appeal()).stream()
        .filter(s -> s.committed().compareTo(sample.threshold()) >= 0)
        .mapToLong(Seen::at)
        .min()
        .orElse(-1);
  }

  private void consume(Map<String, List<Seen>> seen, AtomicBoolean running) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (var consumer = new KafkaConsumer<String, String>(p)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor("funding-events").stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve "end" now, before the first commit
      while (running.get()) {
        var records = consumer.poll(Duration.ofMillis(5));
        long now = System.nanoTime();
        for (var record : records) {
          List<Seen> list = seen.get(record.key());
          if (list != null) {
            JsonNode committed = readTree(record.value()).path("funding").path("committed");
            list.add(new Seen(new BigDecimal(committed.path("amount").asText("0")), now));
          }
        }
      }
    }
  }

  /**
   * The baseline: records of a pledge event's size produced with acks=all and read back by a
   * consumer on the same broker, at the same steady rate; latency from send to receipt.
   */
  Step kafkaBaseline(Topics topics, double rate, Duration duration) {
    String topic = "benchmark-end-to-end";
    try {
      topics.admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    } catch (Exception e) {
      // already there from an earlier step
    }
    Properties pp = new Properties();
    pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    pp.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    Properties cp = new Properties();
    cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Histogram micros = new Histogram(3_600_000_000L, 3);
    long count = Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
    try (var producer = new KafkaProducer<byte[], byte[]>(pp);
        var consumer = new KafkaConsumer<byte[], byte[]>(cp)) {
      var partition = new TopicPartition(topic, 0);
      consumer.assign(Set.of(partition));
      consumer.seekToEnd(Set.of(partition));
      consumer.position(partition);
      AtomicBoolean running = new AtomicBoolean(true);
      Thread reader =
          new Thread(
              () -> {
                long received = 0;
                while (running.get() && received < count) {
                  for (var record : consumer.poll(Duration.ofMillis(5))) {
                    long sent = ByteBuffer.wrap(record.value()).getLong();
                    micros.recordValue(Math.max(0, System.nanoTime() - sent) / 1000);
                    received++;
                  }
                }
              },
              "kafka-baseline-reader");
      reader.start();
      long period = (long) (1e9 / rate);
      long start = System.nanoTime();
      for (long i = 0; i < count; i++) {
        long wait;
        while ((wait = start + i * period - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        byte[] value = new byte[900]; // about the size of a pledge event's value
        ByteBuffer.wrap(value).putLong(System.nanoTime());
        producer.send(new ProducerRecord<>(topic, "B-APPEAL".getBytes(), value));
      }
      producer.flush();
      try {
        reader.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.set(false);
      join(reader);
      return Step.of(
              "Kafka produce (acks=all) → consume",
              rate,
              micros.getTotalCount() / (duration.toMillis() / 1000.0),
              count - micros.getTotalCount(),
              micros)
          .withNote("plain kafka-clients, 900-byte records, same broker");
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return Api.JSON.readTree(json);
    } catch (Exception e) {
      return Api.JSON.createObjectNode();
    }
  }

  private static void awaitQuietly(ExecutorService lane) {
    try {
      lane.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
