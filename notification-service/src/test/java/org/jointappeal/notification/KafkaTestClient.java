package org.jointappeal.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jointappeal.localstack.quarkus.PostgresKafkaTestResource;

/** Plain Kafka clients against the test broker: what really reached (or leaves) a topic. */
public final class KafkaTestClient {

  private KafkaTestClient() {}

  /** The binary-mode CloudEvents headers appeal-service's relay sets on every record. */
  public static Map<String, String> cloudEventHeaders(String id, String type) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", id);
    headers.put("ce_source", "urn:jointappeal:appeal-service");
    headers.put("ce_type", type);
    headers.put("content-type", "application/json");
    return headers;
  }

  /** Sends one record as a binary-mode CloudEvent, as another service's relay would. */
  public static void sendCloudEvent(String topic, String key, String id, String type, String json) {
    send(topic, key, cloudEventHeaders(id, type), bytes(json));
  }

  /** Sends one record with exactly these headers: for records that break the contract. */
  public static void send(String topic, String key, Map<String, String> headers, byte[] payload) {
    var props = new Properties();
    props.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PostgresKafkaTestResource.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      var record = new ProducerRecord<String, byte[]>(topic, key, payload);
      headers.forEach((name, value) -> record.headers().add(name, bytes(value)));
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("send to " + topic + " failed", e);
    }
  }

  /** Reads the topic from the start until a record matches, or fails after the timeout. */
  public static List<ConsumerRecord<String, String>> readUntil(
      String topic, Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
    var props = new Properties();
    props.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PostgresKafkaTestResource.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          seen.add(record);
          if (wanted.test(record)) {
            return seen;
          }
        }
      }
    }
    throw new AssertionError(
        "no matching record on " + topic + " within " + timeout + "; saw " + seen.size());
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  public static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
