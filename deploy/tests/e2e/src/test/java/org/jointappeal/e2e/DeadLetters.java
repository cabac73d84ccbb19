package org.jointappeal.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Drains a dead-letter topic the way docs/events.md tells an operator to: for each dead letter not
 * yet dealt with (group {@code <topic>.dlq.drain}), the original record, found through its {@code
 * dead-letter-partition} and {@code dead-letter-offset}, is re-published unchanged to its topic.
 */
final class DeadLetters {

  private DeadLetters() {}

  /** Returns how many dead letters were re-published. */
  static int drain(String bootstrapServers, String topic) {
    int republished = 0;
    try (var deadLetters = consumer(bootstrapServers, topic + ".dlq.drain");
        var originals = consumer(bootstrapServers, null);
        var producer = producer(bootstrapServers)) {
      deadLetters.subscribe(List.of(topic + ".dlq"));
      int emptyPolls = 0;
      while (emptyPolls < 2) { // the first polls may come back empty while the group forms
        var records = deadLetters.poll(Duration.ofSeconds(2));
        if (records.isEmpty()) {
          emptyPolls++;
          continue;
        }
        emptyPolls = 0;
        for (ConsumerRecord<byte[], byte[]> deadLetter : records) {
          var where =
              new TopicPartition(
                  topic, Integer.parseInt(header(deadLetter, "dead-letter-partition")));
          originals.assign(List.of(where));
          originals.seek(where, Long.parseLong(header(deadLetter, "dead-letter-offset")));
          ConsumerRecord<byte[], byte[]> original = null;
          for (int attempt = 0; original == null && attempt < 5; attempt++) {
            var polled = originals.poll(Duration.ofSeconds(2));
            original = polled.isEmpty() ? null : polled.iterator().next();
          }
          if (original == null) {
            throw new IllegalStateException("the original of a dead letter is gone: " + where);
          }
          producer
              .send(
                  new ProducerRecord<>(
                      topic, null, original.key(), original.value(), original.headers()))
              .get();
          republished++;
        }
        deadLetters.commitSync();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot drain " + topic + ".dlq", e);
    }
    return republished;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    if (header == null) {
      throw new IllegalStateException("a dead letter without " + name);
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers, String group) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    if (group != null) {
      properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, group == null ? "1" : "100");
    return new KafkaConsumer<>(
        properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.<String, Object>of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
