package org.jointappeal.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.jointappeal.localstack.KafkaCluster;
import org.jointappeal.localstack.Platform;
import org.jointappeal.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka as production runs it (deploy/kubernetes: three KRaft nodes, each broker and controller,
 * replication factor 3, {@code min.insync.replicas} 2; the services' producers acks=all and
 * idempotent) with two instances of every service, under a steady load of pledges announced and
 * committed by clients that retry with the same Idempotency-Key. One after another: the node
 * leading the most partitions is killed with SIGKILL, then brought back on its data and ports; the
 * active controller is killed and brought back; one instance of each service is killed. Afterwards
 * every pledge in pledge-service is in appeal-service's figures and in notification-service's view
 * exactly once, to the cent; every outbox row of the three services was published; an event
 * published twice was applied once.
 *
 * <p>The run prints its figures (the load, each fault, the time to recover, the writes refused and
 * delayed in each phase), as docs/operations.md reports them. Its own platform, not {@link
 * RunningPlatform}'s, and its own failsafe execution (pom.xml): three brokers and six service JVMs
 * are not to share two cores with another platform.
 */
class KafkaClusterFaultsIT {

  private static final String TAG = "[kafka-cluster] ";
  private static final int BROKERS = 3;
  private static final int CLIENTS = 3;

  /** Accepted writes after each fault before the next one: the load goes on through each. */
  private static final int WRITES_PER_PHASE = 20;

  private static final Duration PAUSE_BETWEEN_STORIES = Duration.ofMillis(200);
  private static final Duration PAUSE_BETWEEN_ATTEMPTS = Duration.ofMillis(200);
  // generous: on a shared 2-core machine the load average reached 80 during a run, and a JVM took
  // minutes to start
  private static final Duration RECOVERY = Duration.ofMinutes(10);
  private static final Duration CONVERGENCE = Duration.ofMinutes(10);
  private static final Duration START = Duration.ofMinutes(10);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final List<String> DONORS = List.of("NOR", "SWE", "CHE", "USA", "JPN");
  private static final String PLEDGE_EVENTS = "pledge-events";

  /** Consumer group → the topics its channels read (application.properties, docs/events.md). */
  private static final Map<String, List<String>> GROUPS =
      Map.of(
          "appeal-service", List.of("pledge-events"),
          "pledge-service", List.of("appeal-events"),
          "notification-service", List.of("funding-events", "pledge-events", "appeal-events"));

  /** Producer → (topic → the inbox consumers that apply its events). */
  private static final Map<String, Map<String, List<String>>> FLOWS =
      Map.of(
          "pledge-service",
          Map.of(
              "pledge-events",
              List.of(
                  "appeal-service/appeal-service.pledge-events",
                  "notification-service/notification-service.pledge-events")),
          "appeal-service",
          Map.of(
              "appeal-events",
              List.of(
                  "pledge-service/pledge-service.appeal-events",
                  "notification-service/notification-service.appeal-events"),
              "funding-events",
              List.of("notification-service/notification-service.funding-events")),
          "notification-service",
          Map.of("alert-events", List.of()));

  // a client gives up waiting for an answer after this, and retries
  private static final RestAssuredConfig IMPATIENT =
      RestAssuredConfig.config()
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.connection.timeout", 2_000)
                  .setParam("http.socket.timeout", 10_000));

  private static Platform platform;
  private static final Map<String, List<ServiceProcess>> INSTANCES = new LinkedHashMap<>();
  private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
  private static Instant platformStarting;
  private static Duration platformStart;

  private record Token(String value, Instant fetched) {}

  @BeforeAll
  static void startThreeBrokersAndTwoInstancesOfEachService() {
    platformStarting = Instant.now();
    Path target = Path.of("target").toAbsolutePath();
    // not e2e-work nor twoinst-work: the other platforms' folders (Keycloak's is kept between runs)
    Path work = target.resolve("kafka-cluster-work");
    deleteRecursively(work.resolve("postgres"));
    deleteRecursively(work.resolve("kafka-" + BROKERS + "-brokers"));
    platform = Platform.startStack(work, Platform.Ports.free(BROKERS));
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "kafka-cluster-shutdown"));
    Path logs = target.resolve("kafka-cluster-logs");
    platform.startServices(logs, START, false); // no page is opened: no web console
    for (String service : Platform.SERVICES) {
      List<ServiceProcess> instances = new ArrayList<>();
      instances.add(platform.service(service));
      instances.add(platform.startExtraInstance(service, logs, START));
      INSTANCES.put(service, instances);
    }
    platformStart = Duration.between(platformStarting, Instant.now());
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void killsOfTheLeadingBrokerTheControllerAndAnInstanceOfEachServiceLoseAndRepeatNothing()
      throws Exception {
    KafkaCluster kafka = platform.kafka();
    everyTopicIsReplicatedAsInProduction(kafka);
    usdNokRate();
    List<String> appeals = appealsOnEveryPartition();
    Timeline timeline = new Timeline();
    Load load = new Load(appeals);
    load.start();
    try {
      Phase steady = timeline.begin("steady load, everything up");
      load.awaitAccepted(WRITES_PER_PHASE);
      steady.end();

      // 1. the node leading the most partitions of the event topics
      Map<TopicPartition, Integer> leaders = kafka.partitionLeaders();
      int leader = nodeLeadingMost(leaders);
      long led = eventTopicPartitions(leaders).values().stream().filter(n -> n == leader).count();
      Phase brokerKill =
          timeline.begin(
              "kill -9 Kafka node %d (leader of %d of %d event-topic partitions)"
                  .formatted(leader, led, eventTopicPartitions(leaders).size()));
      kafka.kill(leader);
      awaitLeadersWithout(kafka, leader, brokerKill);
      awaitCaughtUp(brokerKill);
      load.awaitAccepted(WRITES_PER_PHASE);
      brokerKill.end();

      Phase brokerBack = timeline.begin("restart node %d on its data and ports".formatted(leader));
      kafka.restart(leader);
      brokerBack.recovered("node %d live again".formatted(leader));
      awaitFullyReplicated(kafka, brokerBack);
      load.awaitAccepted(WRITES_PER_PHASE);
      brokerBack.end();

      // 2. the active controller (it is a broker too, leading partitions of its own)
      int controller = kafka.activeController();
      long controllerLed =
          eventTopicPartitions(kafka.partitionLeaders()).values().stream()
              .filter(n -> n == controller)
              .count();
      Phase controllerKill =
          timeline.begin(
              "kill -9 the active controller, node %d (leader of %d event-topic partitions)"
                  .formatted(controller, controllerLed));
      kafka.kill(controller);
      await()
          .atMost(RECOVERY)
          .pollInterval(POLL)
          .ignoreExceptions()
          .until(() -> kafka.activeController() > 0 && kafka.activeController() != controller);
      controllerKill.recovered("node %d elected controller".formatted(kafka.activeController()));
      awaitLeadersWithout(kafka, controller, controllerKill);
      awaitCaughtUp(controllerKill);
      load.awaitAccepted(WRITES_PER_PHASE);
      controllerKill.end();

      Phase controllerBack =
          timeline.begin("restart node %d on its data and ports".formatted(controller));
      kafka.restart(controller);
      controllerBack.recovered("node %d live again".formatted(controller));
      awaitFullyReplicated(kafka, controllerBack);
      load.awaitAccepted(WRITES_PER_PHASE);
      controllerBack.end();

      // 3. one instance of each service: the other takes its partitions once its session expires
      Phase instanceKill =
          timeline.begin("kill -9 the second instance of each of the three services");
      for (String service : Platform.SERVICES) {
        INSTANCES.get(service).get(1).kill();
      }
      awaitGroupsOnSurvivors(instanceKill);
      awaitCaughtUp(instanceKill);
      load.awaitAccepted(WRITES_PER_PHASE);
      instanceKill.end();
    } finally {
      load.stop();
    }
    Instant loadEnded = Instant.now();

    assertThat(load.refused).as("writes that were refused for good").isEmpty();
    assertThat(timeline.phases.get(timeline.phases.size() - 1).failedAttempts(load))
        .as("the instance kill reached the clients: attempts failed and were retried")
        .isPositive();

    await()
        .atMost(CONVERGENCE)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              everyOutboxRowIsMarkedSent();
              everyPledgeAppearsOnceInEveryView(appeals, load);
            });
    Duration convergence = Duration.between(loadEnded, Instant.now());
    Map<String, String> published = everyOutboxRowIsOnItsTopicAndAppliedOnce(kafka);
    deadLetterTopicsAreEmpty(kafka);

    report(timeline, load, appeals, convergence, published);
  }

  // --- setup

  private static void everyTopicIsReplicatedAsInProduction(KafkaCluster kafka) throws Exception {
    assertThat(kafka.size()).isEqualTo(BROKERS);
    assertThat(kafka.liveNodes()).hasSize(BROKERS);
    assertThat(kafka.underReplicatedPartitions()).isEmpty();
    try (Admin admin = admin(kafka)) {
      var names =
          admin
              .listTopics(new ListTopicsOptions().listInternal(true))
              .names()
              .get(30, TimeUnit.SECONDS);
      var descriptions = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
      List<String> checked = new ArrayList<>(List.of("__consumer_offsets"));
      for (String topic : Platform.TOPICS) {
        checked.add(topic);
        checked.add(topic + ".dlq");
      }
      for (String name : checked) {
        assertThat(descriptions).containsKey(name);
        descriptions
            .get(name)
            .partitions()
            .forEach(p -> assertThat(p.replicas()).as("replicas of " + name).hasSize(3));
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        Config config =
            admin.describeConfigs(Set.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        assertThat(config.get("min.insync.replicas").value())
            .as("min.insync.replicas of " + name)
            .isEqualTo("2");
      }
    }
  }

  /**
   * One launched appeal per partition (key = appeal code, Kafka's default partitioner), so that the
   * load writes to every partition and whichever node is killed leads some of them; each known to
   * pledge-service before the load starts.
   */
  private static List<String> appealsOnEveryPartition() {
    Map<Integer, String> byPartition = new TreeMap<>();
    while (byPartition.size() < Platform.PARTITIONS) {
      String code = Api.uniqueAppealCode();
      byPartition.putIfAbsent(partitionOf(code), code);
    }
    List<String> appeals = new ArrayList<>(byPartition.values());
    for (String code : appeals) {
      as("manager", "appeal-service", 0)
          .body(Api.appeal(code))
          .post("/appeals")
          .then()
          .statusCode(201);
      as("manager", "appeal-service", 0)
          .queryParam("launchedOn", "1997-01-10")
          .post("/appeals/" + code + "/launch")
          .then()
          .statusCode(200);
    }
    await()
        .atMost(RECOVERY)
        .until(
            () ->
                count(
                        "pledge-service",
                        "select count(*) from known_appeal where status = 'LAUNCHED' and code = any(?)",
                        (Object) appeals.toArray(String[]::new))
                    == appeals.size());
    return appeals;
  }

  private static int partitionOf(String appealCode) {
    // org.apache.kafka.clients.producer.internals.BuiltInPartitioner#partitionForKey
    return Utils.toPositive(Utils.murmur2(appealCode.getBytes(StandardCharsets.UTF_8)))
        % Platform.PARTITIONS;
  }

  private static void usdNokRate() {
    as("finance", "pledge-service", 0)
        .body("{\"unitsPerUsd\":\"7.46\"}")
        .put("/exchange-rates/NOK/1997-07-01")
        .then()
        .statusCode(anyOf(equalTo(200), equalTo(201)));
  }

  // --- faults and recovery

  private static Map<TopicPartition, Integer> eventTopicPartitions(
      Map<TopicPartition, Integer> leaders) {
    Map<TopicPartition, Integer> result = new LinkedHashMap<>();
    leaders.forEach(
        (partition, leader) -> {
          if (Platform.TOPICS.contains(partition.topic())) {
            result.put(partition, leader);
          }
        });
    return result;
  }

  private static int nodeLeadingMost(Map<TopicPartition, Integer> leaders) {
    return eventTopicPartitions(leaders).values().stream()
        .filter(node -> node > 0)
        .collect(Collectors.groupingBy(node -> node, TreeMap::new, Collectors.counting()))
        .entrySet()
        .stream()
        .max(Map.Entry.comparingByValue())
        .orElseThrow()
        .getKey();
  }

  /** Every partition, internal ones included, has a leader again, and not the dead node. */
  private static void awaitLeadersWithout(KafkaCluster kafka, int dead, Phase phase) {
    await()
        .atMost(RECOVERY)
        .pollInterval(POLL)
        .ignoreExceptions()
        .untilAsserted(
            () -> assertThat(kafka.partitionLeaders().values()).doesNotContain(dead, -1));
    phase.recovered("every partition led by a live node");
  }

  /** The restarted node has caught up: back in the ISR of every partition it holds. */
  private static void awaitFullyReplicated(KafkaCluster kafka, Phase phase) {
    await()
        .atMost(RECOVERY)
        .pollInterval(POLL)
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(kafka.underReplicatedPartitions()).isEmpty());
    phase.recovered("every partition has 3 in-sync replicas");
  }

  /**
   * Every pledge event written so far has been applied by both of its consumers: the backlog the
   * fault held up is cleared. Checked once the fault's own recovery (leaders, groups) is seen.
   */
  private static void awaitCaughtUp(Phase phase) {
    List<String> ids =
        strings(
            "pledge-service",
            "select id::text from outbox_event where topic = ? and written_at <= ?",
            PLEDGE_EVENTS,
            Timestamp.from(Instant.now()));
    await()
        .atMost(RECOVERY)
        .pollInterval(POLL)
        .until(
            () ->
                applied("appeal-service", "appeal-service.pledge-events", ids) == ids.size()
                    && applied("notification-service", "notification-service.pledge-events", ids)
                        == ids.size());
    phase.recovered(
        "every pledge event written so far (%d) applied by appeal- and notification-service"
            .formatted(ids.size()));
  }

  /** The dead instances' consumers have left their groups: the survivors own every partition. */
  private static void awaitGroupsOnSurvivors(Phase phase) throws Exception {
    try (Admin admin = admin(platform.kafka())) {
      await()
          .atMost(RECOVERY)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                for (var group : GROUPS.entrySet()) {
                  var members = members(admin, group.getKey());
                  for (String topic : group.getValue()) {
                    assertThat(partitionsPerMember(members, topic))
                        .as(group.getKey() + " on " + topic + ": one member, every partition")
                        .hasSize(1)
                        .containsValue(Platform.PARTITIONS);
                  }
                }
              });
    }
    phase.recovered("the surviving instances own every partition of their consumer groups");
  }

  // --- afterwards

  private static void everyOutboxRowIsMarkedSent() {
    for (String producer : FLOWS.keySet()) {
      assertThat(count(producer, "select count(*) from outbox_event where sent_at is null"))
          .as("outbox rows of %s not yet published", producer)
          .isZero();
    }
  }

  /**
   * pledge-service has every pledge the clients were told about, in the state they brought it to;
   * appeal-service's copy and notification-service's view have each of them once, with the same
   * status and USD value; the funding figures are pledge-service's sums, to the cent.
   */
  private static void everyPledgeAppearsOnceInEveryView(List<String> appeals, Load load) {
    String[] codes = appeals.toArray(String[]::new);
    Map<String, Map<String, String>> pledges =
        byId(
            rows(
                "pledge-service",
                "select id::text as id, appeal_code, status, usd_amount::text as usd"
                    + " from pledge where appeal_code = any(?)",
                (Object) codes));
    assertThat(pledges.keySet())
        .as("pledges in pledge-service = pledges the clients were told about")
        .containsExactlyInAnyOrderElementsOf(load.expectedStatus.keySet());
    load.expectedStatus.forEach(
        (id, status) ->
            assertThat(pledges.get(id).get("status")).as("pledge " + id).isEqualTo(status));

    sameViewOfEachPledge(
        pledges,
        rows(
            "appeal-service",
            "select pledge_id::text as id, appeal_code, status, usd_amount::text as usd"
                + " from pledge_copy where appeal_code = any(?)",
            (Object) codes),
        "appeal-service's pledge copy");
    sameViewOfEachPledge(
        pledges,
        rows(
            "notification-service",
            "select pledge_id::text as id, appeal_code, status, usd_value::text as usd"
                + " from known_pledge where appeal_code = any(?)",
            (Object) codes),
        "notification-service's known pledges");

    for (String appeal : appeals) {
      JsonPath funding =
          as("auditor", "appeal-service", 0)
              .get("/appeals/" + appeal + "/funding")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(new BigDecimal(funding.getString("pledged.amount")))
          .as("pledged of " + appeal)
          .isEqualByComparingTo(usdSum(pledges, appeal, "ANNOUNCED"));
      assertThat(new BigDecimal(funding.getString("committed.amount")))
          .as("committed of " + appeal)
          .isEqualByComparingTo(usdSum(pledges, appeal, "COMMITTED"));
      assertThat(new BigDecimal(funding.getString("paid.amount"))).isZero();
      assertThat(
              strings(
                  "notification-service",
                  "select coverage_percent::text from appeal_coverage where appeal_code = ?",
                  appeal))
          .as("notification-service's coverage of " + appeal)
          .singleElement()
          .satisfies(
              coverage ->
                  assertThat(new BigDecimal(coverage))
                      .isEqualByComparingTo(funding.getString("coveragePercent")));
    }
  }

  private static void sameViewOfEachPledge(
      Map<String, Map<String, String>> pledges, List<Map<String, String>> view, String name) {
    Map<String, Long> timesSeen =
        view.stream().collect(Collectors.groupingBy(row -> row.get("id"), Collectors.counting()));
    assertThat(timesSeen.keySet()).as(name).containsExactlyInAnyOrderElementsOf(pledges.keySet());
    assertThat(timesSeen.values()).as(name + ": each pledge once").containsOnly(1L);
    for (Map<String, String> row : view) {
      Map<String, String> pledge = pledges.get(row.get("id"));
      assertThat(row.get("status"))
          .as(name + " status of " + row.get("id"))
          .isEqualTo(pledge.get("status"));
      assertThat(row.get("appeal_code")).isEqualTo(pledge.get("appeal_code"));
      assertThat(new BigDecimal(row.get("usd")))
          .as(name + " USD value of " + row.get("id"))
          .isEqualByComparingTo(new BigDecimal(pledge.get("usd")));
    }
  }

  private static BigDecimal usdSum(
      Map<String, Map<String, String>> pledges, String appeal, String status) {
    return pledges.values().stream()
        .filter(p -> p.get("appeal_code").equals(appeal) && p.get("status").equals(status))
        .map(p -> new BigDecimal(p.get("usd")))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Every outbox row of every service is on its topic (found by its id, the CloudEvents id); an
   * event on a topic more than once (a relay's resend after a lost acknowledgement) has one inbox
   * row per consumer, as every other event. Returns a line per topic for the report.
   */
  private static Map<String, String> everyOutboxRowIsOnItsTopicAndAppliedOnce(KafkaCluster kafka) {
    var records = readTopics(kafka);
    Map<String, String> report = new LinkedHashMap<>();
    for (var producer : FLOWS.entrySet()) {
      for (var flow : producer.getValue().entrySet()) {
        String topic = flow.getKey();
        List<String> rows =
            strings(producer.getKey(), "select id::text from outbox_event where topic = ?", topic);
        Map<String, Long> onTopic =
            records.getOrDefault(topic, List.of()).stream()
                .collect(Collectors.groupingBy(r -> header(r, "ce_id"), Collectors.counting()));
        assertThat(onTopic.keySet())
            .as("every outbox row of %s on %s", producer.getKey(), topic)
            .containsAll(rows);
        long twice = onTopic.values().stream().filter(n -> n > 1).count();
        StringBuilder line =
            new StringBuilder(
                "%d outbox rows of %s, all on the topic; %d records, %d events published more than once"
                    .formatted(
                        rows.size(),
                        producer.getKey(),
                        onTopic.values().stream().mapToLong(Long::longValue).sum(),
                        twice));
        for (String consumer : flow.getValue()) {
          String service = consumer.substring(0, consumer.indexOf('/'));
          String name = consumer.substring(consumer.indexOf('/') + 1);
          assertThat(applied(service, name, rows))
              .as("events of %s applied by %s", topic, name)
              .isEqualTo(rows.size());
          line.append("; applied once each by ").append(name);
        }
        report.put(topic, line.toString());
      }
    }
    for (String service : Platform.SERVICES) {
      assertThat(
              count(
                  service,
                  "select count(*) from (select consumer, event_id from inbox_message"
                      + " group by consumer, event_id having count(*) > 1) twice"))
          .as("events applied twice by " + service)
          .isZero();
    }
    return report;
  }

  private static void deadLetterTopicsAreEmpty(KafkaCluster kafka) {
    var props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (var consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> dlqs =
          Platform.TOPICS.stream().map(t -> new TopicPartition(t + ".dlq", 0)).toList();
      assertThat(consumer.endOffsets(dlqs, Duration.ofSeconds(30)).values())
          .as("records dead-lettered during the run")
          .containsOnly(0L);
    }
  }

  // --- the report

  private static void report(
      Timeline timeline,
      Load load,
      List<String> appeals,
      Duration convergence,
      Map<String, String> published) {
    Map<String, Instant> written = new HashMap<>();
    Map<String, Instant> sent = new HashMap<>();
    for (var row :
        rows(
            "pledge-service",
            "select id::text as id, written_at, sent_at from outbox_event where topic = ?",
            PLEDGE_EVENTS)) {
      written.put(row.get("id"), Instant.parse(row.get("written_at")));
      sent.put(row.get("id"), Instant.parse(row.get("sent_at")));
    }
    Map<String, Instant> appliedByAppeal =
        appliedAt("appeal-service", "appeal-service.pledge-events");
    Map<String, Instant> appliedByNotification =
        appliedAt("notification-service", "notification-service.pledge-events");
    List<LogLine> logs = serviceLogLines();

    Duration run = Duration.between(timeline.phases.get(0).start, timeline.last().end);
    List<String> out = new ArrayList<>();
    out.add(
        ("platform: %d KRaft nodes (each broker and controller; replication factor %d,"
                + " min.insync.replicas %d), 2 instances of each service, PostgreSQL, Keycloak;"
                + " started in %d s")
            .formatted(
                BROKERS,
                platform.kafka().replicationFactor(),
                platform.kafka().minInsyncReplicas(),
                platformStart.toSeconds()));
    out.add(
        ("load: %d client threads, each announcing a pledge (every second one then committed),"
                + " %d ms apart, through both pledge-service instances in turn, retrying with the"
                + " same Idempotency-Key; %d appeals, one per partition; %d writes (%s) in %d s ="
                + " %.1f writes/s; %d pledges")
            .formatted(
                CLIENTS,
                PAUSE_BETWEEN_STORIES.toMillis(),
                appeals.size(),
                load.writes.size(),
                load.acceptedByStep(),
                run.toSeconds(),
                load.writes.size() / Math.max(1.0, run.toMillis() / 1000.0),
                load.expectedStatus.size()));
    for (Phase phase : timeline.phases) {
      out.add(
          "phase: %s (%s; load average %s at its start, %s at its end)"
              .formatted(
                  phase.name, seconds(phase.duration()), phase.loadAtStart, phase.loadAtEnd));
      for (String recovery : phase.recoveries) {
        out.add("  recovered: " + recovery);
      }
      List<Write> writes = phase.writes(load);
      List<Duration> latencies =
          writes.stream().filter(Write::accepted).map(Write::latency).sorted().toList();
      out.add(
          ("  HTTP writes: %d started, %d accepted, %d needed a retry (%d failed attempts: %s),"
                  + " %d refused; latency p50 %s, p99 %s, max %s")
              .formatted(
                  writes.size(),
                  latencies.size(),
                  writes.stream().filter(w -> w.attempts() > 1).count(),
                  phase.failedAttempts(load),
                  phase.failures(load),
                  writes.stream().filter(w -> !w.accepted()).count(),
                  millis(percentile(latencies, 50)),
                  millis(percentile(latencies, 99)),
                  millis(percentile(latencies, 100))));
      List<String> events =
          written.entrySet().stream()
              .filter(e -> phase.contains(e.getValue()))
              .map(Map.Entry::getKey)
              .toList();
      out.add(
          ("  pledge events: %d written; outbox to broker acknowledgement p50 %s, max %s;"
                  + " to applied by appeal-service p50 %s, max %s; by notification-service"
                  + " p50 %s, max %s")
              .formatted(
                  events.size(),
                  millis(percentile(delays(events, written, sent), 50)),
                  millis(percentile(delays(events, written, sent), 100)),
                  millis(percentile(delays(events, written, appliedByAppeal), 50)),
                  millis(percentile(delays(events, written, appliedByAppeal), 100)),
                  millis(percentile(delays(events, written, appliedByNotification), 50)),
                  millis(percentile(delays(events, written, appliedByNotification), 100))));
      out.add(
          ("  Kafka writes refused: %d produce requests answered with an error and retried by"
                  + " the producers; %d outbox sends left unacknowledged and retried by the relays")
              .formatted(
                  logs.stream()
                      .filter(l -> phase.contains(l.at()))
                      .filter(l -> l.text().contains("Got error produce response"))
                      .count(),
                  logs.stream()
                      .filter(l -> phase.contains(l.at()))
                      .filter(l -> l.text().contains("outbox row not acknowledged"))
                      .count()));
    }
    out.add(
        "afterwards: every view agreed %s after the load stopped".formatted(seconds(convergence)));
    published.forEach((topic, line) -> out.add("  " + topic + ": " + line));
    out.add(
        "  inbox duplicates skipped (jointappeal_inbox_duplicates_total of the surviving"
            + " instances): "
            + inboxDuplicatesSkipped());
    out.add(
        "  %d pledges in pledge-service = appeal-service's copy = notification-service's view,"
                .formatted(load.expectedStatus.size())
            + " each once, same status and USD value; funding figures and coverage agree to the"
            + " cent");
    out.forEach(line -> System.out.println(TAG + line));
  }

  private static List<Duration> delays(
      List<String> events, Map<String, Instant> from, Map<String, Instant> to) {
    return events.stream()
        .filter(to::containsKey)
        .map(id -> Duration.between(from.get(id), to.get(id)))
        .map(d -> d.isNegative() ? Duration.ZERO : d)
        .sorted()
        .toList();
  }

  private static Map<String, Instant> appliedAt(String service, String consumer) {
    Map<String, Instant> result = new HashMap<>();
    for (var row :
        rows(
            service,
            "select event_id, received_at from inbox_message where consumer = ?",
            consumer)) {
      result.put(row.get("event_id"), Instant.parse(row.get("received_at")));
    }
    return result;
  }

  private static Duration percentile(List<Duration> sorted, int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String millis(Duration duration) {
    return duration == null ? "-" : duration.toMillis() + " ms";
  }

  private static String seconds(Duration duration) {
    return "%.1f s".formatted(duration.toMillis() / 1000.0);
  }

  /** The machine's 1-minute load average: on two shared cores it says more than any timing. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** A WARN line of a service's log: the producers' retries and the relays' give-ups. */
  private record LogLine(Instant at, String text) {}

  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

  /** Every dated line of every instance's log (Quarkus' console format, the JVM's time zone). */
  private static List<LogLine> serviceLogLines() {
    List<LogLine> lines = new ArrayList<>();
    for (List<ServiceProcess> instances : INSTANCES.values()) {
      for (ServiceProcess instance : instances) {
        try (var stream = Files.lines(instance.logFile(), StandardCharsets.UTF_8)) {
          stream
              .filter(line -> line.length() > 23 && Character.isDigit(line.charAt(0)))
              .filter(line -> line.contains(" WARN "))
              .forEach(
                  line -> {
                    try {
                      Instant at =
                          LocalDateTime.parse(line.substring(0, 23), LOG_TIME)
                              .atZone(ZoneId.systemDefault())
                              .toInstant();
                      lines.add(new LogLine(at, line));
                    } catch (java.time.format.DateTimeParseException notADate) {
                      // a continuation line
                    }
                  });
        } catch (IOException | UncheckedIOException e) {
          throw new IllegalStateException("cannot read " + instance.logFile(), e);
        }
      }
    }
    return lines;
  }

  private static String inboxDuplicatesSkipped() {
    Map<String, Double> total = new TreeMap<>();
    for (var entry : INSTANCES.entrySet()) {
      for (ServiceProcess instance : entry.getValue()) {
        if (!instance.isRunning()) {
          continue;
        }
        String metrics =
            given().baseUri(instance.managementUrl()).get("/q/metrics").then().extract().asString();
        double sum =
            metrics
                .lines()
                .filter(line -> line.matches("jointappeal_inbox_duplicates_total[{ ].*"))
                .mapToDouble(KafkaClusterFaultsIT::sampleValue)
                .sum();
        total.merge(entry.getKey(), sum, Double::sum);
      }
    }
    return total.entrySet().stream()
        .map(e -> e.getKey() + " " + Math.round(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /**
   * The value of an OpenMetrics sample line, {@code name{labels} value}, which may end with an
   * exemplar ({@code # {trace_id=..} 1.0 <timestamp>}) when tracing is on: the value is the token
   * before it, not the line's last.
   */
  static double sampleValue(String line) {
    int exemplar = line.indexOf(" # ");
    String sample = (exemplar < 0 ? line : line.substring(0, exemplar)).strip();
    return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
  }

  // --- the timeline of faults

  /** A stretch of the run between two faults, with what recovered when. */
  static final class Phase {
    final String name;
    final Instant start = Instant.now();
    final String loadAtStart = loadAverage();
    volatile Instant end;
    volatile String loadAtEnd;
    final List<String> recoveries = new CopyOnWriteArrayList<>();

    Phase(String name) {
      this.name = name;
      System.out.println(TAG + "phase begins: " + name + " (load average " + loadAtStart + ")");
    }

    /** Records that something recovered now, so many seconds after the phase began. */
    void recovered(String what) {
      String line = seconds(Duration.between(start, Instant.now())) + " after: " + what;
      recoveries.add(line);
      System.out.println(TAG + "  " + line);
    }

    void end() {
      end = Instant.now();
      loadAtEnd = loadAverage();
    }

    Duration duration() {
      return Duration.between(start, end == null ? Instant.now() : end);
    }

    boolean contains(Instant at) {
      return !at.isBefore(start) && (end == null || at.isBefore(end));
    }

    /** The writes whose first attempt was sent during the phase. */
    List<Write> writes(Load load) {
      return load.writes.stream().filter(w -> contains(w.firstAttempt())).toList();
    }

    long failedAttempts(Load load) {
      return load.failedAttempts.stream().filter(f -> contains(f.at())).count();
    }

    Map<String, Long> failures(Load load) {
      return load.failedAttempts.stream()
          .filter(f -> contains(f.at()))
          .collect(Collectors.groupingBy(Failure::reason, TreeMap::new, Collectors.counting()));
    }
  }

  static final class Timeline {
    final List<Phase> phases = new ArrayList<>();

    Phase begin(String name) {
      if (!phases.isEmpty() && last().end == null) {
        last().end();
      }
      Phase phase = new Phase(name);
      phases.add(phase);
      return phase;
    }

    Phase last() {
      return phases.get(phases.size() - 1);
    }
  }

  // --- the load

  /** One write as its client saw it, from the first attempt to the answer it kept. */
  record Write(String step, Instant firstAttempt, Instant done, int attempts, boolean accepted) {
    Duration latency() {
      return Duration.between(firstAttempt, done);
    }
  }

  /** An attempt that got no answer, or an answer that was no success and worth retrying. */
  record Failure(Instant at, String reason) {}

  /**
   * Client threads, each repeating one story: a finance officer announces a pledge for a donor (in
   * USD, or in NOK valued at the UN rate), and every second one is committed. Each step is retried
   * until it gets an answer, with the same Idempotency-Key, on the next pledge-service instance, as
   * a client behind a load balancer without health checks would.
   */
  static final class Load {
    private final List<String> appeals;
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger stories = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger nextInstance = new AtomicInteger();
    final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
    final List<Failure> failedAttempts = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    final Map<String, String> expectedStatus = new ConcurrentHashMap<>();

    Load(List<String> appeals) {
      this.appeals = appeals;
    }

    void start() {
      for (int i = 0; i < CLIENTS; i++) {
        clients.execute(
            () -> {
              while (running.get()) {
                int n = stories.getAndIncrement();
                try {
                  story(n);
                } catch (Exception unexpected) {
                  // the client goes on; the test fails on it at the end, with the reason
                  refused.add("story " + n + ": " + unexpected);
                }
                pause(PAUSE_BETWEEN_STORIES);
              }
            });
      }
    }

    /** Waits until {@code n} more writes were accepted: the load goes on through each fault. */
    void awaitAccepted(int n) {
      int target = accepted.get() + n;
      await().atMost(RECOVERY).pollInterval(POLL).until(() -> accepted.get() >= target);
    }

    void stop() throws InterruptedException {
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(RECOVERY.toSeconds(), TimeUnit.SECONDS))
          .as("clients finished")
          .isTrue();
    }

    Map<String, Long> acceptedByStep() {
      synchronized (writes) {
        return writes.stream()
            .filter(Write::accepted)
            .collect(Collectors.groupingBy(Write::step, TreeMap::new, Collectors.counting()));
      }
    }

    private void story(int n) {
      String appeal = appeals.get(n % appeals.size());
      String donor = DONORS.get(n % DONORS.size());
      boolean usd = n % 3 != 1;
      // small amounts, some in NOK (valued at the UN rate and rounded half-even to cents)
      String amount = usd ? (100 + n) + "." + String.format("%02d", n % 100) : (1000 + n) + ".00";
      String announceKey = UUID.randomUUID().toString();
      Response announced =
          call(
              "announce",
              spec ->
                  spec.header("Idempotency-Key", announceKey)
                      .body(Api.pledge(appeal, donor, amount, usd ? "USD" : "NOK"))
                      .post("/pledges"),
              201,
              () -> false);
      if (announced == null) {
        return;
      }
      String pledge = announced.path("id");
      expectedStatus.put(pledge, "ANNOUNCED");
      if (n % 2 != 0) {
        return;
      }
      String commitKey = UUID.randomUUID().toString();
      Response committed =
          call(
              "commit",
              spec ->
                  spec.header("Idempotency-Key", commitKey)
                      .body(
                          "{\"agreementReference\":\"CLUSTER-"
                              + n
                              + "\",\"signedOn\":\"1997-09-15\"}")
                      .post("/pledges/" + pledge + "/commitment"),
              200,
              // a retry after an answer that was lost: the first attempt committed it
              () -> "COMMITTED".equals(statusOf(pledge)));
      if (committed != null) {
        expectedStatus.put(pledge, "COMMITTED");
      }
    }

    /**
     * Sends until the answer is {@code success}, or a refusal that {@code alreadyDone} explains. No
     * answer, a 5xx or a 409 (the same key still in flight) is retried on the next instance; any
     * other answer is recorded as refused.
     */
    private Response call(
        String step,
        Function<RequestSpecification, Response> request,
        int success,
        Supplier<Boolean> alreadyDone) {
      Instant first = Instant.now();
      long deadline = System.nanoTime() + RECOVERY.toNanos();
      int attempts = 0;
      while (System.nanoTime() < deadline) {
        attempts++;
        ServiceProcess instance = nextPledgeService();
        String failure;
        try {
          Response response = request.apply(as("finance", instance).config(IMPATIENT));
          int status = response.statusCode();
          if (status == success || (attempts > 1 && status < 500 && safely(alreadyDone))) {
            writes.add(new Write(step, first, Instant.now(), attempts, true));
            accepted.incrementAndGet();
            return response;
          }
          if (status >= 400 && status < 500 && status != 409) {
            refused.add(step + " " + status + " " + response.body().asString());
            writes.add(new Write(step, first, Instant.now(), attempts, false));
            return null;
          }
          failure = "HTTP " + status;
        } catch (Exception noAnswer) {
          // connection refused or reset, or no answer in time: the instance is down. Not only
          // RuntimeException: RestAssured (Groovy) throws the checked IOExceptions undeclared.
          failure = noAnswer.getClass().getSimpleName();
        }
        failedAttempts.add(new Failure(Instant.now(), step + " " + failure));
        pause(PAUSE_BETWEEN_ATTEMPTS);
      }
      refused.add(step + ": no answer within " + RECOVERY);
      writes.add(new Write(step, first, Instant.now(), attempts, false));
      return null;
    }

    private ServiceProcess nextPledgeService() {
      List<ServiceProcess> instances = INSTANCES.get("pledge-service");
      return instances.get(Math.floorMod(nextInstance.getAndIncrement(), instances.size()));
    }

    private static boolean safely(Supplier<Boolean> check) {
      try {
        return check.get();
      } catch (Exception e) { // RestAssured throws IOExceptions undeclared
        return false;
      }
    }

    private static String statusOf(String pledge) {
      return as("finance", "pledge-service", 0)
          .get("/pledges/" + pledge)
          .then()
          .statusCode(200)
          .extract()
          .path("status");
    }

    private static void pause(Duration duration) {
      try {
        Thread.sleep(duration.toMillis()); // pacing a client, not waiting for a result
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // --- calls

  private static RequestSpecification as(String user, String service, int instance) {
    return as(user, INSTANCES.get(service).get(instance));
  }

  private static RequestSpecification as(String user, ServiceProcess instance) {
    return given()
        .baseUri(instance.baseUrl())
        .auth()
        .oauth2(token(user))
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  /** A real access token (password grant), fetched again well before its 15 minutes run out. */
  private static String token(String user) {
    return TOKENS
        .compute(
            user,
            (u, cached) ->
                cached != null && cached.fetched().isAfter(Instant.now().minusSeconds(300))
                    ? cached
                    : new Token(platform.tokens().password(u, "demo"), Instant.now()))
        .value();
  }

  // --- Kafka

  private static Admin admin(KafkaCluster kafka) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  private static Collection<MemberDescription> members(Admin admin, String group) throws Exception {
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
  private static Map<String, List<ConsumerRecord<byte[], byte[]>>> readTopics(KafkaCluster kafka) {
    var props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
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
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertThat(System.nanoTime()).as("topics read within 120 s").isLessThan(deadline);
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

  // --- the services' databases, as the PostgreSQL superuser

  /** How many of these event ids the consumer's inbox holds. */
  private static long applied(String service, String consumer, List<String> eventIds) {
    if (eventIds.isEmpty()) {
      return 0;
    }
    return count(
        service,
        "select count(*) from inbox_message where consumer = ? and event_id = any(?)",
        consumer,
        eventIds.toArray(String[]::new));
  }

  private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
    Map<String, Map<String, String>> result = new HashMap<>();
    rows.forEach(row -> result.put(row.get("id"), row));
    return result;
  }

  private static long count(String service, String sql, Object... parameters) {
    return Long.parseLong(strings(service, sql, parameters).get(0));
  }

  private static List<String> strings(String service, String sql, Object... parameters) {
    return rows(service, sql, parameters).stream()
        .map(row -> row.values().iterator().next())
        .toList();
  }

  /** Rows as column → text; a String[] parameter is a text[], timestamps come back as instants. */
  private static List<Map<String, String>> rows(String service, String sql, Object... parameters) {
    try (var connection = platform.postgres().connect(Databases.of(service))) {
      try (var statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          Object parameter = parameters[i];
          if (parameter instanceof String[] array) {
            statement.setArray(i + 1, connection.createArrayOf("text", array));
          } else {
            statement.setObject(i + 1, parameter);
          }
        }
        List<Map<String, String>> result = new ArrayList<>();
        try (var rows = statement.executeQuery()) {
          var meta = rows.getMetaData();
          while (rows.next()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
              Object value = rows.getObject(c);
              row.put(
                  meta.getColumnLabel(c),
                  value instanceof Timestamp at ? at.toInstant().toString() : rows.getString(c));
            }
            result.add(row);
          }
        }
        return result;
      }
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
