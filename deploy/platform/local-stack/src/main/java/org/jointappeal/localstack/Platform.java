package org.jointappeal.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole platform on one machine: PostgreSQL (one database and role per service), Kafka with its
 * topics, Keycloak with the realm, and the three packaged services. Used by the run command and by
 * the end-to-end tests.
 */
public final class Platform implements AutoCloseable {

  public static final String REALM = "joint-appeal";
  public static final List<String> SERVICES =
      List.of("appeal-service", "pledge-service", "notification-service");

  /**
   * The web console: started after the services it calls, when it is built (a checkout that has not
   * built it runs without it).
   */
  public static final String CONSOLE = "web-console";

  public static final List<String> TOPICS =
      List.of("appeal-events", "pledge-events", "funding-events", "alert-events");

  /** Partitions per event topic: room for a few consumer instances, order kept per appeal key. */
  public static final int PARTITIONS = 3;

  /**
   * Where everything listens; all on 127.0.0.1. Kafka has one broker port and one controller port
   * per node: one node by default, a cluster when more are given.
   */
  public record Ports(
      int postgres,
      List<Integer> kafka,
      List<Integer> kafkaControllers,
      int keycloak,
      int keycloakManagement,
      int smtp,
      int pop3,
      Map<String, Integer> services,
      Map<String, Integer> managementPorts) {

    public Ports {
      kafka = List.copyOf(kafka);
      kafkaControllers = List.copyOf(kafkaControllers);
      if (kafka.isEmpty() || kafka.size() != kafkaControllers.size()) {
        throw new IllegalArgumentException(
            "one broker and one controller port per Kafka node: "
                + kafka
                + ", "
                + kafkaControllers);
      }
    }

    /** The documented local ports (README), with one Kafka broker. */
    public static Ports standard() {
      return standard(1);
    }

    /**
     * The documented local ports, with {@code kafkaBrokers} Kafka nodes: node n listens on 9090 +
     * 2n and its controller on 9091 + 2n (9092/9093, 9094/9095, 9096/9097 for three).
     */
    public static Ports standard(int kafkaBrokers) {
      List<Integer> brokers = new ArrayList<>();
      List<Integer> controllers = new ArrayList<>();
      for (int n = 1; n <= kafkaBrokers; n++) {
        brokers.add(9090 + 2 * n);
        controllers.add(9091 + 2 * n);
      }
      return new Ports(
          5433,
          brokers,
          controllers,
          8180,
          9180,
          3025,
          3110,
          Map.of(
              "appeal-service",
              8081,
              "pledge-service",
              8082,
              "notification-service",
              8083,
              CONSOLE,
              8084),
          // health and metrics (docs/operations.md#management-port)
          Map.of(
              "appeal-service",
              9081,
              "pledge-service",
              9082,
              "notification-service",
              9083,
              CONSOLE,
              9084));
    }

    /** Free ports, for tests that must not collide with anything on a shared machine. */
    public static Ports free() {
      return free(1);
    }

    /** Free ports, with {@code kafkaBrokers} Kafka nodes. */
    public static Ports free(int kafkaBrokers) {
      // Each port is found free by binding port 0 and closing it, so the kernel may hand the same
      // one out twice in a row (a CI run once gave pledge-service's management port to the
      // console): the ports of one platform are kept distinct here.
      Set<Integer> taken = new HashSet<>();
      List<Integer> brokers = new ArrayList<>();
      List<Integer> controllers = new ArrayList<>();
      for (int n = 1; n <= kafkaBrokers; n++) {
        brokers.add(LoopbackPorts.free(taken));
        controllers.add(LoopbackPorts.free(taken));
      }
      return new Ports(
          LoopbackPorts.free(taken),
          brokers,
          controllers,
          LoopbackPorts.free(taken),
          LoopbackPorts.free(taken),
          LoopbackPorts.free(taken),
          LoopbackPorts.free(taken),
          Map.of(
              "appeal-service",
              LoopbackPorts.free(taken),
              "pledge-service",
              LoopbackPorts.free(taken),
              "notification-service",
              LoopbackPorts.free(taken),
              CONSOLE,
              LoopbackPorts.free(taken)),
          Map.of(
              "appeal-service",
              LoopbackPorts.free(taken),
              "pledge-service",
              LoopbackPorts.free(taken),
              "notification-service",
              LoopbackPorts.free(taken),
              CONSOLE,
              LoopbackPorts.free(taken)));
    }

    /** How many Kafka nodes the platform runs. */
    public int kafkaBrokers() {
      return kafka.size();
    }
  }

  private final Path workDir;
  private final Ports ports;
  private final LocalStackConfig config = LocalStackConfig.load();
  private PostgresServer postgres;
  private KafkaCluster kafka;
  private KeycloakServer keycloak;
  private MailServer mail;
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private final List<ServiceProcess> extraInstances = new ArrayList<>();
  private final Map<String, Map<String, String>> environmentOverrides = new LinkedHashMap<>();

  private Platform(Path workDir, Ports ports) {
    this.workDir = workDir;
    this.ports = ports;
  }

  /**
   * Starts PostgreSQL, Kafka (one broker, or as many nodes as {@code ports} names) and Keycloak
   * side by side (Keycloak is the slow one) and prepares the databases and topics. Data lives in
   * {@code workDir}; a second start re-uses it.
   */
  public static Platform startStack(Path workDir, Ports ports) {
    var platform = new Platform(workDir, ports);
    try {
      platform.startInfrastructure();
      return platform;
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
  }

  private void startInfrastructure() {
    // in-process and quick, so first: a busy port fails before anything else was started
    mail = MailServer.start(ports.smtp(), ports.pop3());
    var pg =
        CompletableFuture.supplyAsync(
            () ->
                unchecked(
                    () -> PostgresServer.start(workDir.resolve("postgres"), ports.postgres())));
    var broker =
        CompletableFuture.supplyAsync(
            () ->
                unchecked(
                    () ->
                        KafkaCluster.start(
                            kafkaDataDir(workDir, ports.kafkaBrokers()),
                            ports.kafka(),
                            ports.kafkaControllers())));
    var iam =
        CompletableFuture.supplyAsync(
            () ->
                unchecked(
                    () ->
                        KeycloakServer.start(
                            workDir.resolve("keycloak"),
                            ports.keycloak(),
                            ports.keycloakManagement(),
                            List.of(
                                config
                                    .repoRoot()
                                    .resolve("deploy/keycloak/joint-appeal-realm.json"),
                                config.repoRoot().resolve("deploy/keycloak/other-realm.json")))));
    try {
      postgres = pg.join();
      kafka = broker.join();
      keycloak = iam.join();
    } catch (CompletionException e) {
      // keep whatever did start, so that close() stops it
      postgres = pg.isCompletedExceptionally() ? null : pg.getNow(null);
      kafka = broker.isCompletedExceptionally() ? null : broker.getNow(null);
      keycloak = iam.isCompletedExceptionally() ? null : iam.getNow(null);
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    for (String service : SERVICES) {
      String db = database(service);
      postgres.ensureDatabase(db, db, db); // local demo credentials only
    }
    Map<String, Integer> topics = new LinkedHashMap<>();
    for (String topic : TOPICS) {
      topics.put(topic, PARTITIONS);
      topics.put(topic + ".dlq", 1);
    }
    kafka.createTopics(topics);
  }

  /**
   * Starts the three packaged services of this checkout, then the web console if it is built, and
   * waits until each is ready.
   */
  public void startServices(Path logDir, Duration timeout) {
    startServices(logDir, timeout, true);
  }

  /**
   * Starts the three packaged services and waits until each is ready; the web console too, if it is
   * built and {@code withConsole} (a test that never opens a page saves its start-up).
   */
  public void startServices(Path logDir, Duration timeout, boolean withConsole) {
    // one after another: on two cores, parallel JVM start-ups only slow each other down
    for (String service : SERVICES) {
      services.put(
          service,
          unchecked(
              () ->
                  ServiceProcess.start(
                      service,
                      config.repoRoot().resolve(service),
                      ports.services().get(service),
                      ports.managementPorts().get(service),
                      environmentOf(service),
                      logDir,
                      timeout)));
    }
    if (!withConsole) {
      return;
    }
    Path console = config.repoRoot().resolve(CONSOLE);
    if (Files.isRegularFile(console.resolve("target/quarkus-app/quarkus-run.jar"))) {
      services.put(
          CONSOLE,
          unchecked(
              () ->
                  ServiceProcess.start(
                      CONSOLE,
                      console,
                      ports.services().get(CONSOLE),
                      ports.managementPorts().get(CONSOLE),
                      consoleEnvironment(),
                      logDir,
                      timeout)));
    } else {
      System.getLogger(Platform.class.getName())
          .log(System.Logger.Level.WARNING, "web-console is not built: running without it");
    }
  }

  /**
   * The console's configuration: where the services and Keycloak are. Plain http on 127.0.0.1, so
   * its cookies go without the Secure flag here (and only here).
   */
  public Map<String, String> consoleEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("QUARKUS_REST_CLIENT_APPEAL_SERVICE_URL", serviceUrl("appeal-service"));
    env.put("QUARKUS_REST_CLIENT_PLEDGE_SERVICE_URL", serviceUrl("pledge-service"));
    env.put("QUARKUS_REST_CLIENT_NOTIFICATION_SERVICE_URL", serviceUrl("notification-service"));
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer(REALM));
    env.put("QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE", "false");
    env.put("QUARKUS_REST_CSRF_COOKIE_FORCE_SECURE", "false");
    env.putAll(environmentOverrides.getOrDefault(CONSOLE, Map.of()));
    return env;
  }

  private String serviceUrl(String service) {
    return "http://127.0.0.1:" + ports.services().get(service);
  }

  /**
   * Another instance of a running service on a free port, with the same configuration (same
   * database, same Kafka topics and consumer group): what an operator does to scale out. Stopped by
   * {@link #close()} like the first instance.
   */
  public ServiceProcess startExtraInstance(String service, Path logDir, Duration timeout) {
    if (!SERVICES.contains(service)) {
      throw new IllegalArgumentException("unknown service " + service);
    }
    int instance = 2 + (int) extraInstances.stream().filter(p -> p.name().equals(service)).count();
    Set<Integer> taken = new HashSet<>(); // the platform's own ports are bound by now
    var process =
        unchecked(
            () ->
                ServiceProcess.start(
                    service,
                    config.repoRoot().resolve(service),
                    LoopbackPorts.free(taken),
                    LoopbackPorts.free(taken),
                    environmentOf(service),
                    // each instance its own log file: the file is named after the service
                    logDir.resolve(service + "-" + instance),
                    timeout));
    extraInstances.add(process);
    return process;
  }

  /**
   * Extra environment for a service's instances started after this call, on top of {@link
   * #environmentOf(String)}'s (tests use it for short scheduler intervals).
   */
  public void overrideEnvironment(String service, Map<String, String> environment) {
    environmentOverrides.computeIfAbsent(service, s -> new LinkedHashMap<>()).putAll(environment);
  }

  /**
   * Turns tracing on in the services started after this call and sends their spans to an OTLP/HTTP
   * receiver ({@code endpoint} without {@code /v1/traces}), the way an operator points them at a
   * collector; spans are exported every half second, so a test need not wait long for them.
   */
  public void exportTracesTo(String endpoint) {
    for (String service : SERVICES) {
      overrideEnvironment(
          service,
          Map.of(
              "QUARKUS_OTEL_SDK_DISABLED", "false",
              "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", endpoint,
              "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "PT0.5S"));
    }
  }

  /** Configuration of one service, as environment variables (the same names work in production). */
  public Map<String, String> environmentOf(String service) {
    String db = database(service);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(db));
    env.put("QUARKUS_DATASOURCE_USERNAME", db);
    env.put("QUARKUS_DATASOURCE_PASSWORD", db); // local demo only
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer(REALM));
    env.put("_PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"); // readable local log files
    if (service.equals("notification-service")) {
      env.put("NOTIFICATION_MAIL_HOST", mail.host());
      env.put("NOTIFICATION_MAIL_PORT", Integer.toString(mail.port()));
      env.put(
          "NOTIFICATION_DELIVERY_ALERT_BASE_URL",
          "http://127.0.0.1:" + ports.services().get(service));
    }
    env.putAll(environmentOverrides.getOrDefault(service, Map.of()));
    return env;
  }

  /**
   * One broker keeps its data in {@code kafka/}; a cluster of N in {@code kafka-N-brokers/}: a
   * cluster is another cluster, with its own id and topics, not the single broker grown.
   */
  static Path kafkaDataDir(Path workDir, int brokers) {
    return workDir.resolve(brokers == 1 ? "kafka" : "kafka-" + brokers + "-brokers");
  }

  static String database(String service) {
    return service.substring(0, service.indexOf('-'));
  }

  public PostgresServer postgres() {
    return postgres;
  }

  /**
   * Kafka: one broker, or the cluster's nodes ({@link KafkaCluster#bootstrapServers()} names all).
   */
  public KafkaCluster kafka() {
    return kafka;
  }

  public KeycloakServer keycloak() {
    return keycloak;
  }

  /** The SMTP server notification-service sends to; what it received can be read here. */
  public MailServer mail() {
    return mail;
  }

  /** Whether a service (or the console, which runs only when it is built) was started. */
  public boolean isRunning(String name) {
    return services.containsKey(name);
  }

  public ServiceProcess service(String name) {
    var service = services.get(name);
    if (service == null) {
      throw new IllegalArgumentException("no running service " + name);
    }
    return service;
  }

  public Tokens tokens() {
    return Tokens.forRealm(keycloak.baseUrl(), REALM);
  }

  public Ports ports() {
    return ports;
  }

  @Override
  public void close() {
    List<AutoCloseable> stopOrder = new ArrayList<>();
    List<ServiceProcess> running = new ArrayList<>(services.values());
    running.addAll(extraInstances);
    java.util.Collections.reverse(running);
    stopOrder.addAll(running);
    stopOrder.add(keycloak);
    stopOrder.add(kafka);
    stopOrder.add(postgres);
    stopOrder.add(mail);
    for (AutoCloseable part : stopOrder) {
      if (part == null) {
        continue;
      }
      try {
        part.close();
      } catch (Exception e) {
        System.getLogger(Platform.class.getName())
            .log(System.Logger.Level.WARNING, "stopping " + part + " failed: " + e);
      }
    }
    services.clear();
    extraInstances.clear();
  }

  @FunctionalInterface
  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private static <T> T unchecked(IoSupplier<T> supplier) {
    try {
      return supplier.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
