package org.jointappeal.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The real Apache Kafka broker (KRaft, a node that is broker and controller) in its own JVM,
 * listening on 127.0.0.1 only. Its own process keeps its classpath apart from the caller's and lets
 * tests kill it to see how services cope with a broker that goes away.
 *
 * <p>Alone ({@link #start(Path, int, int)}) it is its own controller quorum and its topics have one
 * replica; as a node of a {@link KafkaCluster} it votes in the cluster's quorum and its topics are
 * replicated across the nodes.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
  // Generous: a node restarted after kill -9 took over 5 min at a load average of 80 on two cores.
  // A node that dies while starting fails at once, not after this.
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  // Small heap and C1 only: a test broker carries little load and should start fast.
  private static final List<String> JVM_OPTIONS =
      List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final Path dataDir;
  private final Path libDir;
  private final int nodeId;
  private final int brokerPort;
  private final int controllerPort;
  private final Quorum quorum;
  private final boolean temporary;
  private final Thread shutdownHook;
  private volatile Process process;
  private boolean closed;

  /**
   * Who votes in the controller quorum, and how topics are replicated. {@code voters} is null for a
   * node that is its own quorum ({@code --standalone}), else {@code id@host:port,...} of every
   * node.
   */
  record Quorum(String voters, short replicationFactor, int minInsyncReplicas) {

    static final Quorum STANDALONE = new Quorum(null, (short) 1, 1);
  }

  private KafkaBroker(
      Path dataDir,
      Path libDir,
      int nodeId,
      int brokerPort,
      int controllerPort,
      Quorum quorum,
      boolean temporary) {
    this.dataDir = dataDir;
    this.libDir = libDir;
    this.nodeId = nodeId;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
    this.quorum = quorum;
    this.temporary = temporary;
    // A broker left behind would hold its ports and data directory long after the tests ended.
    this.shutdownHook = new Thread(this::stopOnExit, "kafka-broker-stop-" + brokerPort);
  }

  /**
   * Starts a broker on {@code dataDir} (its data and cluster id survive restarts), or on a
   * throw-away directory deleted by {@link #close()} when it is null. A port of 0 picks a free one.
   */
  public static KafkaBroker start(Path dataDir, int brokerPortOrZero, int controllerPortOrZero)
      throws IOException {
    return start(
        dataDir,
        brokerPortOrZero,
        controllerPortOrZero,
        LocalStackConfig.load().requireKafkaLibDir());
  }

  public static KafkaBroker start(
      Path dataDir, int brokerPortOrZero, int controllerPortOrZero, Path kafkaLibDir)
      throws IOException {
    long started = System.nanoTime();
    boolean temporary = dataDir == null;
    Path directory =
        temporary
            ? Files.createTempDirectory("local-kafka-")
            : Files.createDirectories(dataDir.toAbsolutePath().normalize());
    int[] ports = choosePorts(brokerPortOrZero, controllerPortOrZero);
    KafkaBroker broker =
        new KafkaBroker(
            directory, kafkaLibDir, 1, ports[0], ports[1], Quorum.STANDALONE, temporary);
    Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
    try {
      broker.writeConfiguration();
      broker.formatStorage(clusterId(directory));
      broker.launch();
    } catch (IOException | RuntimeException e) {
      broker.close();
      throw e;
    }
    LOG.log(
        Level.INFO,
        "kafka started bootstrapServers={0} dataDir={1} in {2} ms",
        broker.bootstrapServers(),
        directory,
        String.valueOf(Duration.ofNanos(System.nanoTime() - started).toMillis()));
    return broker;
  }

  /**
   * A node of a cluster, configured and formatted but not started: the nodes of a new quorum must
   * start together, as none is ready before a majority of them runs.
   */
  static KafkaBroker prepareNode(
      Path nodeDir,
      Path kafkaLibDir,
      int nodeId,
      int brokerPort,
      int controllerPort,
      Quorum quorum,
      String clusterId)
      throws IOException {
    KafkaBroker node =
        new KafkaBroker(
            Files.createDirectories(nodeDir),
            kafkaLibDir,
            nodeId,
            brokerPort,
            controllerPort,
            quorum,
            false);
    Runtime.getRuntime().addShutdownHook(node.shutdownHook);
    try {
      node.writeConfiguration();
      node.formatStorage(clusterId);
      return node;
    } catch (IOException | RuntimeException e) {
      node.close();
      throw e;
    }
  }

  /**
   * Creates the topics that are missing, with replication factor 1 and, on a cluster's node, the
   * cluster's; existing ones are kept.
   */
  public void createTopics(Map<String, Integer> partitionsByTopic) {
    createTopics(bootstrapServers(), partitionsByTopic, quorum);
  }

  /**
   * Creates the topics that are missing on the cluster at {@code bootstrapServers}, each with the
   * quorum's replication factor and {@code min.insync.replicas}, as the production KafkaTopics.
   */
  static void createTopics(
      String bootstrapServers, Map<String, Integer> partitionsByTopic, Quorum quorum) {
    List<NewTopic> topics = new ArrayList<>();
    partitionsByTopic.forEach(
        (topic, partitions) ->
            topics.add(
                new NewTopic(topic, partitions, quorum.replicationFactor())
                    .configs(
                        Map.of(
                            "min.insync.replicas", Integer.toString(quorum.minInsyncReplicas())))));
    try (Admin admin = admin(bootstrapServers)) {
      for (Map.Entry<String, KafkaFuture<Void>> result :
          admin.createTopics(topics).values().entrySet()) {
        try {
          result.getValue().get(30, TimeUnit.SECONDS);
          LOG.log(Level.INFO, "kafka topic created topic={0}", result.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + result.getKey(), e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("topic creation timed out on " + bootstrapServers, e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /** The node's {@code node.id}: 1 for a broker alone, 1 to N in a cluster of N. */
  public int nodeId() {
    return nodeId;
  }

  public int brokerPort() {
    return brokerPort;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path logFile() {
    return dataDir.resolve("kafka.log");
  }

  /** The broker's JVM while it runs, e.g. for reading its memory use from /proc. */
  public java.util.Optional<ProcessHandle> processHandle() {
    Process current = process;
    return current != null && current.isAlive()
        ? java.util.Optional.of(current.toHandle())
        : java.util.Optional.empty();
  }

  /** Whether the broker process is running, ready or not. */
  public boolean isRunning() {
    Process current = process;
    return current != null && current.isAlive();
  }

  /**
   * Kills the broker with SIGKILL (kill -9), without letting it shut down cleanly, as a crash or an
   * OOM kill would, and waits until the process is gone.
   */
  public synchronized void kill() {
    Process current = process;
    if (current != null) {
      current.destroyForcibly();
      awaitExit(current, STOP_TIMEOUT);
      LOG.log(
          Level.INFO,
          "kafka killed node={0} bootstrapServers={1}",
          String.valueOf(nodeId),
          bootstrapServers());
    }
  }

  /** Stops the broker if it runs, then starts it again on the same ports and data. */
  public synchronized void restart() throws IOException {
    if (closed) {
      throw new IllegalStateException("broker on " + bootstrapServers() + " is closed");
    }
    long started = System.nanoTime();
    stopProcess();
    launch();
    LOG.log(
        Level.INFO,
        "kafka restarted node={0} bootstrapServers={1} in {2} ms",
        String.valueOf(nodeId),
        bootstrapServers(),
        String.valueOf(Duration.ofNanos(System.nanoTime() - started).toMillis()));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and runs the hook itself.
    }
    if (temporary) {
      LocalFiles.deleteRecursively(dataDir);
    }
  }

  private void writeConfiguration() throws IOException {
    String listeners =
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort;
    String replicas = Short.toString(quorum.replicationFactor());
    String minInsync = Integer.toString(quorum.minInsyncReplicas());
    String server =
        String.join(
            "\n",
            "# Written by " + KafkaBroker.class.getName() + " on every start.",
            "process.roles=broker,controller",
            "node.id=" + nodeId,
            quorum.voters() == null
                // alone: its own quorum (formatted with --standalone)
                ? "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort
                // a cluster: a fixed set of voters, as Strimzi's KRaft clusters have
                : "controller.quorum.voters=" + quorum.voters(),
            "listeners=" + listeners,
            "advertised.listeners=" + listeners,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            "log.dirs=" + dataDir.resolve("kafka-logs"),
            // Internal topics as the production cluster (deploy/kubernetes/base/kafka.yaml): one
            // replica per node up to three, and acks=all writes need all but one of them.
            "default.replication.factor=" + replicas,
            "min.insync.replicas=" + minInsync,
            "offsets.topic.replication.factor=" + replicas,
            "transaction.state.log.replication.factor=" + replicas,
            "transaction.state.log.min.isr=" + minInsync,
            "share.coordinator.state.topic.replication.factor=" + replicas,
            "share.coordinator.state.topic.min.isr=" + minInsync,
            // The local stack has a handful of consumer groups: 5 partitions of the offsets topic,
            // not 50, are 45 fewer logs to create at the first start, and to recover on every node
            // restarted after a kill (at a load average of 50 that took over a second per log).
            "offsets.topic.num.partitions=5",
            // never elect a replica that missed acknowledged records (Kafka's default, said aloud)
            "unclean.leader.election.enable=false",
            // Consumers in tests should get their partitions at once, not after 3 s.
            "group.initial.rebalance.delay.ms=0",
            // Topics are created explicitly; a typo must fail instead of creating a new topic.
            "auto.create.topics.enable=false",
            "num.partitions=3",
            // Events are the record of what happened: keep them.
            "log.retention.ms=-1",
            // Alone: after a kill the controller rejects the new incarnation until the old one's
            // session expires (default 9 s): a shorter session makes restarts in fault tests
            // faster. A cluster keeps Kafka's defaults (9 s, heartbeats every 2 s), as production:
            // a dead node is fenced (its leaderships moved, the ISRs it was in shrunk) after 9 s,
            // and on a loaded machine a 3 s session fenced live nodes that missed a heartbeat.
            quorum.voters() == null ? "broker.session.timeout.ms=3000" : "",
            quorum.voters() == null ? "broker.heartbeat.interval.ms=1000" : "",
            "");
    Files.writeString(serverProperties(), server, StandardCharsets.UTF_8);
    String log4j =
        String.join(
            "\n",
            "# Written by " + KafkaBroker.class.getName() + "; the console is kafka.log.",
            "appender.console.type=Console",
            "appender.console.name=STDOUT",
            "appender.console.layout.type=PatternLayout",
            "appender.console.layout.pattern=[%d] %p %m (%c)%n",
            "rootLogger.level=INFO",
            "rootLogger.appenderRef.stdout.ref=STDOUT",
            // Per-partition state changes and request logs drown what matters.
            "logger.stateChange.name=state.change.logger",
            "logger.stateChange.level=WARN",
            "logger.request.name=kafka.request.logger",
            "logger.request.level=WARN",
            "");
    Files.writeString(log4jProperties(), log4j, StandardCharsets.UTF_8);
  }

  /**
   * The cluster id of the data in {@code directory}, made once and kept in a file, so that a
   * persistent data directory that lost its logs is formatted again as the same cluster.
   */
  static String clusterId(Path directory) throws IOException {
    Path clusterIdFile = directory.resolve("cluster.id");
    if (!Files.exists(clusterIdFile)) {
      // Same generator as `kafka.tools.StorageTool random-uuid`, without starting a JVM for it.
      Files.writeString(clusterIdFile, Uuid.randomUuid() + "\n", StandardCharsets.UTF_8);
    }
    return Files.readString(clusterIdFile, StandardCharsets.UTF_8).strip();
  }

  /** Formats the log directory once. */
  private void formatStorage(String clusterId) throws IOException {
    if (Files.exists(dataDir.resolve("kafka-logs").resolve("meta.properties"))) {
      return;
    }
    List<String> arguments = new ArrayList<>(List.of("format"));
    if (quorum.voters() == null) {
      arguments.add("--standalone"); // goes with controller.quorum.bootstrap.servers
    }
    arguments.addAll(
        List.of("--ignore-formatted", "-t", clusterId, "-c", serverProperties().toString()));
    Process format =
        javaProcess(
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "kafka.tools.StorageTool",
                arguments)
            .start();
    if (!awaitExit(format, FORMAT_TIMEOUT) || format.exitValue() != 0) {
      format.destroyForcibly();
      throw new IllegalStateException(
          "formatting Kafka storage failed; " + LocalFiles.tail(logFile()));
    }
  }

  private void launch() throws IOException {
    launchProcess();
    awaitReady();
  }

  /** Starts the node's JVM and returns at once; {@link #awaitReady()} waits for it. */
  synchronized void launchProcess() throws IOException {
    if (closed) {
      throw new IllegalStateException("broker on " + bootstrapServers() + " is closed");
    }
    process =
        javaProcess(JVM_OPTIONS, "kafka.Kafka", List.of(serverProperties().toString())).start();
  }

  /**
   * Waits until the cluster lists this node among its live brokers (registered with the controller
   * and unfenced, so it takes partitions); a dead process fails at once.
   */
  void awaitReady() {
    Process broker = process;
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Admin admin = null;
    Exception lastFailure = null;
    try {
      while (true) {
        if (!broker.isAlive()) {
          throw new IllegalStateException(
              "Kafka broker exited with code "
                  + broker.exitValue()
                  + " while starting; "
                  + LocalFiles.tail(logFile()));
        }
        // The Admin client is created once the port is open: before, it warns on every reconnect.
        if (admin == null && isListening(brokerPort)) {
          admin = admin(bootstrapServers());
        }
        if (admin != null) {
          try {
            DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs(2_000);
            if (admin.describeCluster(options).nodes().get().stream()
                .anyMatch(node -> node.id() == nodeId)) {
              return;
            }
          } catch (ExecutionException e) {
            lastFailure = e;
          }
        }
        if (System.nanoTime() > deadline) {
          broker.destroyForcibly();
          throw new IllegalStateException(
              "Kafka broker not ready after "
                  + READY_TIMEOUT.toSeconds()
                  + " s; "
                  + LocalFiles.tail(logFile()),
              lastFailure);
        }
        Thread.sleep(POLL_INTERVAL.toMillis());
      }
    } catch (InterruptedException e) {
      broker.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
    } finally {
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
    }
  }

  // Not synchronized: the JVM may be exiting while another thread holds the lock in restart().
  private void stopOnExit() {
    stopProcess();
    if (temporary) {
      LocalFiles.deleteRecursively(dataDir);
    }
  }

  /** Graceful stop (SIGTERM runs Kafka's controlled shutdown), forcibly after the timeout. */
  void stopProcess() {
    beginStop();
    awaitStop();
  }

  /**
   * Sends SIGTERM and returns: a cluster's nodes are stopped together, so that each node's
   * controlled shutdown still finds a controller quorum.
   */
  void beginStop() {
    Process current = process;
    if (current != null && current.isAlive()) {
      current.destroy();
    }
  }

  /** Waits for a stop begun by {@link #beginStop()}, and kills the process after the timeout. */
  void awaitStop() {
    Process current = process;
    if (current == null || !current.isAlive()) {
      return;
    }
    if (!awaitExit(current, STOP_TIMEOUT)) {
      LOG.log(
          Level.WARNING,
          "kafka did not stop within {0} s, killing it pid={1}",
          STOP_TIMEOUT.toSeconds(),
          String.valueOf(current.pid()));
      current.destroyForcibly();
      awaitExit(current, STOP_TIMEOUT);
    }
  }

  private ProcessBuilder javaProcess(List<String> jvmOptions, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Dlog4j2.configurationFile=" + log4jProperties());
    // Exactly "<dir>/*": an empty entry (e.g. a trailing ':') would add the working directory.
    command.add("-cp");
    command.add(libDir.resolve("*").toString());
    command.add(mainClass);
    command.addAll(args);
    return new ProcessBuilder(command)
        .directory(dataDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
  }

  static Admin admin(String bootstrapServers) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-admin",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
            AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
  }

  private Path serverProperties() {
    return dataDir.resolve("server.properties");
  }

  private Path log4jProperties() {
    return dataDir.resolve("log4j2.properties");
  }

  private static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean awaitExit(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Free ports are found together so that the broker and the controller cannot get the same. */
  private static int[] choosePorts(int brokerPort, int controllerPort) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket broker = new ServerSocket(0, 1, loopback);
        ServerSocket controller = new ServerSocket(0, 1, loopback)) {
      return new int[] {
        brokerPort == 0 ? broker.getLocalPort() : brokerPort,
        controllerPort == 0 ? controller.getLocalPort() : controllerPort
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free ports on 127.0.0.1", e);
    }
  }
}
