package org.jointappeal.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jointappeal.localstack.Platform;
import org.jointappeal.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of every service on one stack: same databases, same topics (3 partitions), same
 * consumer groups, as an operator scales out. Its own platform, not {@link RunningPlatform}'s: it
 * kills instances, which the other tests must not see. The tests run in any order: the burst of
 * writes they read is written before all of them, and the test that kills an instance starts a new
 * one before it ends.
 */
class TwoInstancesIT {

  private static final Duration PROPAGATION = Duration.ofSeconds(90);
  private static final int APPEALS = 20;
  private static final int PLEDGES_PER_APPEAL = 3;

  /** Consumer group → the topics its channels read (application.properties, docs/events.md). */
  private static final Map<String, List<String>> GROUPS =
      Map.of(
          "appeal-service", List.of("pledge-events"),
          "pledge-service", List.of("appeal-events"),
          "notification-service", List.of("funding-events", "pledge-events", "appeal-events"));

  /** Outbox table of a service → the topics its relay publishes to. */
  private static final Map<String, List<String>> PRODUCERS =
      Map.of(
          "appeal-service", List.of("appeal-events", "funding-events"),
          "pledge-service", List.of("pledge-events"),
          "notification-service", List.of("alert-events"));

  private static Platform platform;
  private static final Map<String, List<ServiceProcess>> INSTANCES = new LinkedHashMap<>();
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
  private static final List<String> APPEAL_CODES = new CopyOnWriteArrayList<>();
  private static final AtomicInteger CALLS = new AtomicInteger();

  /** producer/topic → the ids of the outbox rows the burst wrote, all marked sent. */
  private static final Map<String, Set<String>> BURST_ROWS = new HashMap<>();

  private static Path logs;

  @BeforeAll
  static void startTwoInstancesOfEachService() {
    Path target = Path.of("target").toAbsolutePath();
    Path work = target.resolve("twoinst-work"); // not e2e-work: RunningPlatform's stack uses that
    deleteRecursively(work.resolve("postgres"));
    deleteRecursively(work.resolve("kafka"));
    platform = Platform.startStack(work, Platform.Ports.free());
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "twoinst-shutdown"));
    // both pledge-service instances run the overdue check every 2 s: they race for the same rows
    platform.overrideEnvironment("pledge-service", Map.of("PLEDGE_OVERDUE_CHECK_INTERVAL", "PT2S"));
    // both notification-service instances dispatch every second, with short group timing
    platform.overrideEnvironment(
        "notification-service",
        Map.of(
            "NOTIFICATION_DISPATCH_INTERVAL", "PT1S",
            "NOTIFICATION_DISPATCH_GROUP_WAIT", "PT1S",
            "NOTIFICATION_DISPATCH_GROUP_INTERVAL", "PT2S"));
    logs = target.resolve("twoinst-logs");
    platform.startServices(logs, Duration.ofMinutes(3));
    for (String service : Platform.SERVICES) {
      List<ServiceProcess> instances = new ArrayList<>();
      instances.add(platform.service(service));
      instances.add(platform.startExtraInstance(service, logs, Duration.ofMinutes(3)));
      INSTANCES.put(service, new CopyOnWriteArrayList<>(instances));
    }
    writeABurstThroughBothInstances();
  }

  /**
   * {@value #APPEALS} appeals launched, {@value #PLEDGES_PER_APPEAL} pledges and a committed pledge
   * with an overdue instalment in each, every call to one instance or the other; then the outbox
   * rows it wrote, once all are marked sent.
   */
  private static void writeABurstThroughBothInstances() {
    for (int i = 0; i < APPEALS; i++) {
      String code = Api.uniqueAppealCode();
      as("manager", "appeal-service")
          .body(Api.appeal(code))
          .post("/appeals")
          .then()
          .statusCode(201);
      as("manager", "appeal-service").post("/appeals/" + code + "/launch").then().statusCode(200);
      APPEAL_CODES.add(code);
    }
    await()
        .atMost(PROPAGATION)
        .until(
            () ->
                count(
                        "pledge-service",
                        "select count(*) from known_appeal where status = 'LAUNCHED'")
                    == APPEALS);
    for (String appeal : APPEAL_CODES) {
      for (int p = 0; p < PLEDGES_PER_APPEAL; p++) {
        announce(appeal, "10" + p + ".00");
      }
      commitWithOverdueInstalment(appeal);
    }
    awaitEveryOutboxPublished();
    // rows marked sent before the topics are read: the broker acknowledged each of them, while
    // rows written later (the overdue check keeps running) may not be on the topics yet
    for (var producer : PRODUCERS.entrySet()) {
      for (String topic : producer.getValue()) {
        BURST_ROWS.put(
            producer.getKey() + "/" + topic,
            new HashSet<>(
                strings(
                    producer.getKey(),
                    "select id::text from outbox_event where topic = ? and sent_at is not null",
                    topic)));
      }
    }
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aBurstOfWritesThroughBothInstancesIsPublishedOnceAndCompletely() {
    Set<String> burst =
        BURST_ROWS.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    var published = readTopics();
    for (String topic : Platform.TOPICS) {
      // the burst's events only: another test's kill may make a relay send its last batch again
      var records =
          published.getOrDefault(topic, List.of()).stream()
              .filter(r -> burst.contains(header(r, "ce_id")))
              .toList();
      Map<String, Long> perId =
          records.stream()
              .collect(Collectors.groupingBy(r -> header(r, "ce_id"), Collectors.counting()));
      var duplicates = perId.entrySet().stream().filter(e -> e.getValue() > 1).toList();
      System.out.printf(
          "[two-instances] %-15s %4d events, %4d distinct ce_id, duplicates %d%n",
          topic, records.size(), perId.size(), duplicates.size());
      assertThat(duplicates).as("events published twice on " + topic).isEmpty();
    }
    for (var producer : PRODUCERS.entrySet()) {
      for (String topic : producer.getValue()) {
        Set<String> onTopic =
            published.getOrDefault(topic, List.of()).stream()
                .map(r -> header(r, "ce_id"))
                .collect(Collectors.toSet());
        Set<String> rows = BURST_ROWS.get(producer.getKey() + "/" + topic);
        assertThat(onTopic)
            .as("every outbox row of " + producer.getKey() + " on " + topic)
            .containsAll(rows);
        System.out.printf(
            "[two-instances] %-20s outbox rows for %-15s %4d, all published%n",
            producer.getKey(), topic, rows.size());
      }
    }
    assertThat(published.get("pledge-events")).isNotEmpty();
    assertThat(published.get("funding-events")).isNotEmpty();
  }

  @Test
  void consumerGroupsShareThePartitionsBetweenTheTwoInstances() throws Exception {
    try (AdminClient admin = admin()) {
      await()
          .atMost(PROPAGATION)
          .untilAsserted(
              () -> {
                for (var group : GROUPS.entrySet()) {
                  var members = members(admin, group.getKey());
                  for (String topic : group.getValue()) {
                    Map<String, Integer> partitionsPerMember = partitionsPerMember(members, topic);
                    assertThat(partitionsPerMember)
                        .as(group.getKey() + " on " + topic + ": two members, 2 + 1 partitions")
                        .hasSize(2);
                    assertThat(partitionsPerMember.values()).containsExactlyInAnyOrder(2, 1);
                  }
                }
              });
      for (var group : GROUPS.entrySet()) {
        for (String topic : group.getValue()) {
          System.out.printf(
              "[two-instances] group %-20s on %-15s partitions per member %s%n",
              group.getKey(),
              topic,
              partitionsPerMember(members(admin, group.getKey()), topic).values());
        }
      }
    }
  }

  @Test
  void theOverdueCheckOfTwoInstancesReportsEachInstalmentOnce() {
    // one overdue instalment per appeal (due in 1997); both instances check every 2 s
    await().atMost(PROPAGATION).until(() -> overdueEventsPerPledge().size() == APPEALS);
    // several check rounds of both instances later, still one event per instalment
    await()
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(30))
        .until(() -> overdueEventsPerPledge().values().stream().allMatch(n -> n == 1));
    var perPledge = overdueEventsPerPledge();
    System.out.printf(
        "[two-instances] instalment-overdue events %d for %d overdue instalments%n",
        perPledge.values().stream().mapToLong(Long::longValue).sum(), APPEALS);
    assertThat(perPledge).hasSize(APPEALS).allSatisfy((pledge, n) -> assertThat(n).isEqualTo(1));
    assertThat(
            count(
                "notification-service",
                "select count(*) from (select fingerprint from alert where status = 'FIRING'"
                    + " group by fingerprint having count(*) > 1) twice"))
        .as("firing alerts raised twice by the two instances")
        .isZero();
  }

  @Test
  void bothDispatchersTogetherNotifyEachAlertTransitionOnce() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    var receiver =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String appeal = Api.uniqueAppealCode();
      as("manager", "notification-service")
          .body(
              """
              {"channel":"WEBHOOK","webhookUrl":"http://127.0.0.1:%d/hook",
               "webhookSecret":"two-instances-secret","appealCode":"%s","rule":"funding-gap"}"""
                  .formatted(receiver.getAddress().getPort(), appeal))
          .post("/subscriptions")
          .then()
          .statusCode(201);
      // launched with nothing pledged: the funding gap fires
      as("manager", "appeal-service")
          .body(Api.appeal(appeal))
          .post("/appeals")
          .then()
          .statusCode(201);
      as("manager", "appeal-service").post("/appeals/" + appeal + "/launch").then().statusCode(200);
      await().atMost(PROPAGATION).until(() -> transitions(bodies).containsKey("firing"));
      // fully covered: it resolves
      await()
          .atMost(PROPAGATION)
          .until(
              () ->
                  count(
                          "pledge-service",
                          "select count(*) from known_appeal where status = 'LAUNCHED'")
                      == APPEALS + 1);
      String pledge = announce(appeal, "1000000.00");
      as("finance", "pledge-service")
          .body("{\"agreementReference\":\"AGR-FULL\",\"signedOn\":\"1997-09-15\"}")
          .post("/pledges/" + pledge + "/commitment")
          .then()
          .statusCode(200);
      await().atMost(PROPAGATION).until(() -> transitions(bodies).containsKey("resolved"));
      // several dispatch rounds of both instances later, still one notice per transition
      await()
          .during(Duration.ofSeconds(6))
          .atMost(Duration.ofSeconds(30))
          .until(() -> transitions(bodies).values().stream().allMatch(n -> n == 1));
      var perTransition = transitions(bodies);
      System.out.printf(
          "[two-instances] webhook notifications per alert transition %s (%d deliveries)%n",
          perTransition, bodies.size());
      assertThat(perTransition).containsOnlyKeys("firing", "resolved").containsValues(1L);
      assertThat(perTransition.values()).containsOnly(1L);
    } finally {
      receiver.stop(0);
    }
  }

  /**
   * Transition ("firing"/"resolved") → deliveries reporting the funding-gap alert in it, first
   * notices only, counted once per deliveryId (receivers de-duplicate by it, docs/alerts.md).
   */
  private static Map<String, Long> transitions(List<String> bodies) throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    Map<String, com.fasterxml.jackson.databind.JsonNode> deliveries = new LinkedHashMap<>();
    for (String body : bodies) {
      var node = json.readTree(body);
      deliveries.put(node.path("deliveryId").asText(), node);
    }
    Map<String, Long> result = new LinkedHashMap<>();
    for (var delivery : deliveries.values()) {
      if (delivery.path("repeat").asBoolean()) {
        continue;
      }
      for (var alert : delivery.path("alerts")) {
        result.merge(alert.path("status").asText(), 1L, Long::sum);
      }
    }
    return result;
  }

  @Test
  void killingOneInstanceMovesItsPartitionsToTheOtherWithoutLosingPledges() throws Exception {
    var instances = INSTANCES.get("appeal-service");
    var victim = instances.get(instances.size() - 1);
    try {
      killDuringABurst(victim);
    } finally {
      // the other tests find two instances of every service, whichever runs after this one
      instances.remove(victim);
      if (victim.isRunning()) {
        victim.kill();
      }
      instances.add(platform.startExtraInstance("appeal-service", logs, Duration.ofMinutes(3)));
    }
  }

  private static void killDuringABurst(ServiceProcess victim) throws Exception {
    var writer =
        new Thread(
            () -> {
              for (int round = 0; round < 2; round++) {
                for (String appeal : APPEAL_CODES) {
                  announce(appeal, "7.00");
                }
              }
            },
            "twoinst-writer");
    writer.start();
    // mid-burst: the first few pledges of the second burst have gone out
    long before = count("pledge-service", "select count(*) from pledge");
    await()
        .atMost(PROPAGATION)
        .until(() -> count("pledge-service", "select count(*) from pledge") >= before + 5);
    victim.kill();
    System.out.println("[two-instances] killed appeal-service at " + victim.baseUrl());
    writer.join(TimeUnit.MINUTES.toMillis(3));
    assertThat(writer.isAlive()).as("burst finished").isFalse();

    try (AdminClient admin = admin()) {
      // the dead member leaves the group when its session times out
      await()
          .atMost(Duration.ofMinutes(2))
          .untilAsserted(
              () ->
                  assertThat(partitionsPerMember(members(admin, "appeal-service"), "pledge-events"))
                      .as("the surviving appeal-service instance owns every partition")
                      .hasSize(1)
                      .containsValue(Platform.PARTITIONS));
    }
    long pledges = count("pledge-service", "select count(*) from pledge");
    String pledgedUsd =
        strings("pledge-service", "select coalesce(sum(usd_amount), 0)::text from pledge").get(0);
    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(
            () -> {
              assertThat(count("appeal-service", "select count(*) from pledge_copy"))
                  .as("pledges known to appeal-service")
                  .isEqualTo(pledges);
              assertThat(
                      strings(
                              "appeal-service",
                              "select coalesce(sum(usd_amount), 0)::text from pledge_copy")
                          .get(0))
                  .isEqualTo(pledgedUsd);
            });
    // and the survivor answers for every appeal
    var survivor = INSTANCES.get("appeal-service").get(0);
    for (String appeal : APPEAL_CODES) {
      given()
          .baseUri(survivor.baseUrl())
          .auth()
          .oauth2(token("manager"))
          .accept(ContentType.JSON)
          .get("/appeals/" + appeal + "/funding")
          .then()
          .statusCode(200);
    }
    // A relay killed after the broker's acknowledgement but before it marked the rows sent leaves
    // them unsent: the survivor sends that one batch again, with the same ce_id (at-least-once, see
    // docs/events.md), and the consumers' inboxes skip the copies. Nothing else may repeat.
    awaitEveryOutboxPublished();
    var published = readTopics();
    for (String topic : Platform.TOPICS) {
      var records = published.getOrDefault(topic, List.of());
      Map<String, Long> perId =
          records.stream()
              .collect(Collectors.groupingBy(r -> header(r, "ce_id"), Collectors.counting()));
      long resent = records.size() - perId.size();
      System.out.printf(
          "[two-instances] after the kill: %-15s %4d events, %d sent again by the survivor%n",
          topic, records.size(), resent);
      assertThat(perId.values())
          .as("no event on " + topic + " sent more than twice")
          .allMatch(n -> n <= 2);
      assertThat(resent)
          .as("at most one relay batch (200) sent again on " + topic)
          .isLessThanOrEqualTo(200);
      if (!topic.equals("funding-events") && !topic.equals("appeal-events")) {
        // only appeal-service was killed: the other relays never resend
        assertThat(resent).as("events sent twice on " + topic).isZero();
      }
    }
    System.out.printf(
        "[two-instances] %d pledges (USD %s) in pledge-service = appeal-service's copy after the"
            + " kill; %d calls in all%n",
        pledges, pledgedUsd, CALLS.get());
  }

  // --- calls, alternating between the two instances of a service

  private static RequestSpecification as(String user, String service) {
    var instances = INSTANCES.get(service).stream().filter(ServiceProcess::isRunning).toList();
    var instance = instances.get(CALLS.getAndIncrement() % instances.size());
    return given()
        .baseUri(instance.baseUrl())
        .auth()
        .oauth2(token(user))
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  private static String token(String user) {
    return TOKENS.computeIfAbsent(user, u -> platform.tokens().password(u, "demo"));
  }

  private static String announce(String appeal, String usd) {
    return as("finance", "pledge-service")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Api.pledge(appeal, "SWE", usd, "USD"))
        .post("/pledges")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A committed pledge with one instalment due in 1997: overdue as soon as a check runs. */
  private static void commitWithOverdueInstalment(String appeal) {
    String pledge =
        as("finance", "pledge-service")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                """
                {"appealCode":"%s","donorCode":"SWE","amount":{"amount":"50.00","currency":"USD"},
                 "announcedOn":"1997-07-02","occasion":"Steering Group, Geneva, 2 July 1997",
                 "instalments":[{"dueOn":"1997-09-30","amount":{"amount":"50.00","currency":"USD"}}]}"""
                    .formatted(appeal))
            .post("/pledges")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("finance", "pledge-service")
        .body(
            "{\"agreementReference\":\"AGR-"
                + pledge.substring(0, 8)
                + "\",\"signedOn\":\"1997-09-15\"}")
        .post("/pledges/" + pledge + "/commitment")
        .then()
        .statusCode(200);
  }

  // --- Kafka

  private static AdminClient admin() {
    var props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers());
    return AdminClient.create(props);
  }

  private static Collection<MemberDescription> members(AdminClient admin, String group)
      throws Exception {
    return admin
        .describeConsumerGroups(List.of(group))
        .describedGroups()
        .get(group)
        .get(30, TimeUnit.SECONDS)
        .members();
  }

  /** Member id → partitions of the topic it owns, only members owning some. */
  private static Map<String, Integer> partitionsPerMember(
      Collection<MemberDescription> members, String topic) {
    Map<String, Integer> result = new LinkedHashMap<>();
    for (MemberDescription member : members) {
      int owned =
          (int)
              member.assignment().topicPartitions().stream()
                  .filter(tp -> tp.topic().equals(topic))
                  .count();
      if (owned > 0) {
        result.put(member.consumerId(), owned);
      }
    }
    return result;
  }

  /** Every record of the event topics, from the beginning up to the current end. */
  private static Map<String, List<ConsumerRecord<byte[], byte[]>>> readTopics() {
    var props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, List<ConsumerRecord<byte[], byte[]>>> result = new HashMap<>();
    try (var consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : Platform.TOPICS) {
        for (int p = 0; p < Platform.PARTITIONS; p++) {
          partitions.add(new TopicPartition(topic, p));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertThat(System.nanoTime()).as("topics read within 60 s").isLessThan(deadline);
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          result.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record);
        }
      }
    }
    return result;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? "(none)" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static Map<String, Long> overdueEventsPerPledge() {
    return readTopics().getOrDefault("pledge-events", List.of()).stream()
        .filter(r -> header(r, "ce_type").equals("org.jointappeal.pledge.instalment-overdue.v1"))
        .collect(Collectors.groupingBy(r -> header(r, "ce_subject"), Collectors.counting()));
  }

  private static void awaitEveryOutboxPublished() {
    await()
        .atMost(PROPAGATION)
        .until(
            () ->
                PRODUCERS.keySet().stream()
                    .allMatch(
                        s ->
                            count(s, "select count(*) from outbox_event where sent_at is null")
                                == 0));
  }

  // --- the services' databases, as the PostgreSQL superuser

  private static long count(String service, String sql) {
    return Long.parseLong(strings(service, sql).get(0));
  }

  private static List<String> strings(String service, String sql, Object... parameters) {
    try (var connection = platform.postgres().connect(Databases.of(service));
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<String> result = new ArrayList<>();
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          result.add(rows.getString(1));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot query the database of " + service + ": " + sql, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
