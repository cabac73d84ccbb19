package org.jointappeal.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeMetadataQuorumOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Kafka as the local stack runs it: one node alone (the default), or a KRaft cluster of N nodes on
 * 127.0.0.1, each broker and controller in its own JVM, as the production overlay's Strimzi cluster
 * is (deploy/kubernetes/base/kafka.yaml): a fixed quorum of N voters, topics with replication
 * factor min(N, 3) and {@code min.insync.replicas} one less (3 and 2 with three nodes), internal
 * topics alike.
 *
 * <p>For fault tests a node can be killed with SIGKILL and restarted on its own ports and data, and
 * the cluster tells which node leads which partition, which is the active controller and which
 * partitions miss a replica.
 */
public final class KafkaCluster implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(KafkaCluster.class.getName());
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(15);

  private final Path dataDir;
  private final boolean temporary;
  private final KafkaBroker.Quorum quorum;
  private final List<KafkaBroker> nodes;
  private final Thread shutdownHook;
  private Admin admin;
  private boolean closed;

  private KafkaCluster(
      Path dataDir, boolean temporary, KafkaBroker.Quorum quorum, List<KafkaBroker> nodes) {
    this.dataDir = dataDir;
    this.temporary = temporary;
    this.quorum = quorum;
    this.nodes = List.copyOf(nodes);
    this.shutdownHook = new Thread(this::stopOnExit, "kafka-cluster-stop");
  }

  /**
   * Starts one node per entry of {@code brokerPorts} (0 picks a free port), with the controller
   * listener of node i on {@code controllerPorts.get(i)}, and waits until every node is a live
   * broker. Data lives in {@code dataDir} and survives restarts; null means a throw-away directory,
   * deleted by {@link #close()}. One node is a broker alone, stored in {@code dataDir} itself as
   * {@link KafkaBroker#start(Path, int, int)} stores it; N nodes are stored in {@code
   * dataDir/node-<id>}.
   */
  public static KafkaCluster start(
      Path dataDir, List<Integer> brokerPorts, List<Integer> controllerPorts) throws IOException {
    return start(
        dataDir, brokerPorts, controllerPorts, LocalStackConfig.load().requireKafkaLibDir());
  }

  /** {@code size} nodes on free ports, on a throw-away directory when {@code dataDir} is null. */
  public static KafkaCluster start(Path dataDir, int size) throws IOException {
    List<Integer> zeros = java.util.Collections.nCopies(size, 0);
    return start(dataDir, zeros, zeros);
  }

  static KafkaCluster start(
      Path dataDir, List<Integer> brokerPorts, List<Integer> controllerPorts, Path kafkaLibDir)
      throws IOException {
    int size = brokerPorts.size();
    if (size < 1 || controllerPorts.size() != size) {
      throw new IllegalArgumentException(
          "one broker port and one controller port per node: "
              + brokerPorts
              + ", "
              + controllerPorts);
    }
    if (size == 1) {
      KafkaBroker alone =
          KafkaBroker.start(dataDir, brokerPorts.get(0), controllerPorts.get(0), kafkaLibDir);
      return new KafkaCluster(
          alone.dataDir(), false, KafkaBroker.Quorum.STANDALONE, List.of(alone));
    }
    long started = System.nanoTime();
    boolean temporary = dataDir == null;
    Path directory =
        temporary
            ? Files.createTempDirectory("local-kafka-cluster-")
            : Files.createDirectories(dataDir.toAbsolutePath().normalize());
    List<int[]> ports = choosePorts(brokerPorts, controllerPorts);
    short replicationFactor = (short) Math.min(size, 3);
    KafkaBroker.Quorum quorum =
        new KafkaBroker.Quorum(
            voters(ports), replicationFactor, Math.max(1, replicationFactor - 1));
    List<KafkaBroker> nodes = new ArrayList<>();
    try {
      String clusterId = KafkaBroker.clusterId(directory);
      for (int i = 0; i < size; i++) {
        int nodeId = i + 1;
        nodes.add(
            KafkaBroker.prepareNode(
                directory.resolve("node-" + nodeId),
                kafkaLibDir,
                nodeId,
                ports.get(i)[0],
                ports.get(i)[1],
                quorum,
                clusterId));
      }
      // together: no node is ready before a majority of the quorum runs
      for (KafkaBroker node : nodes) {
        node.launchProcess();
      }
      for (KafkaBroker node : nodes) {
        node.awaitReady();
      }
    } catch (IOException | RuntimeException e) {
      new KafkaCluster(directory, temporary, quorum, nodes).close();
      throw e;
    }
    KafkaCluster cluster = new KafkaCluster(directory, temporary, quorum, nodes);
    if (temporary) {
      // each node stops its own JVM at exit; the cluster removes their common directory
      Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    }
    LOG.log(
        Level.INFO,
        "kafka cluster started nodes={0} bootstrapServers={1} replicationFactor={2}"
            + " minInsyncReplicas={3} dataDir={4} in {5} ms",
        String.valueOf(size),
        cluster.bootstrapServers(),
        String.valueOf(quorum.replicationFactor()),
        String.valueOf(quorum.minInsyncReplicas()),
        directory,
        String.valueOf(Duration.ofNanos(System.nanoTime() - started).toMillis()));
    return cluster;
  }

  /** Creates the topics that are missing, replicated as {@link #replicationFactor()} says. */
  public void createTopics(Map<String, Integer> partitionsByTopic) {
    KafkaBroker.createTopics(bootstrapServers(), partitionsByTopic, quorum);
  }

  /** Every node's address, as clients are given them (one live node suffices to bootstrap). */
  public String bootstrapServers() {
    return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
  }

  public int size() {
    return nodes.size();
  }

  /** Replicas of each topic, internal ones included: min(nodes, 3). */
  public short replicationFactor() {
    return quorum.replicationFactor();
  }

  /** Replicas that must have a record before an acks=all write is acknowledged. */
  public int minInsyncReplicas() {
    return quorum.minInsyncReplicas();
  }

  public List<KafkaBroker> nodes() {
    return nodes;
  }

  /** The node with this {@code node.id} (1 to N). */
  public KafkaBroker node(int nodeId) {
    return nodes.stream()
        .filter(node -> node.nodeId() == nodeId)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Kafka node " + nodeId));
  }

  /** The nodes' JVMs that run, e.g. for reading their memory use from /proc. */
  public List<ProcessHandle> processHandles() {
    return nodes.stream().map(KafkaBroker::processHandle).flatMap(Optional::stream).toList();
  }

  /** Kills every node with SIGKILL: the whole of Kafka goes away at once. */
  public void kill() {
    nodes.forEach(KafkaBroker::kill);
  }

  /** Kills one node with SIGKILL (kill -9), as a crash would. */
  public void kill(int nodeId) {
    node(nodeId).kill();
  }

  /**
   * Stops every node that runs (together, so that each one's controlled shutdown finds a quorum),
   * then starts them all again on their ports and data and waits until each is a live broker.
   */
  public synchronized void restart() throws IOException {
    long started = System.nanoTime();
    stopNodes();
    for (KafkaBroker node : nodes) {
      node.launchProcess();
    }
    for (KafkaBroker node : nodes) {
      node.awaitReady();
    }
    LOG.log(
        Level.INFO,
        "kafka cluster restarted in {0} ms",
        String.valueOf(Duration.ofNanos(System.nanoTime() - started).toMillis()));
  }

  /**
   * Starts one node again on its ports and data directory (stopping it first if it runs) and waits
   * until the controller lists it as a live broker. It then catches up with the partitions it holds
   * a replica of: {@link #underReplicatedPartitions()} tells when it has.
   */
  public void restart(int nodeId) throws IOException {
    node(nodeId).restart();
  }

  /** The node ids of the live brokers, as the controller sees them (a killed node is fenced). */
  public Set<Integer> liveNodes() {
    return call(
            admin ->
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs())).nodes())
        .stream()
        .map(Node::id)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** The node that is the quorum's leader, i.e. the active controller. */
  public int activeController() {
    return call(admin ->
            admin
                .describeMetadataQuorum(new DescribeMetadataQuorumOptions().timeoutMs(timeoutMs()))
                .quorumInfo())
        .leaderId();
  }

  /**
   * The leader of every partition of every topic (internal ones such as {@code __consumer_offsets}
   * included); -1 for a partition without a leader.
   */
  public Map<TopicPartition, Integer> partitionLeaders() {
    Map<TopicPartition, Integer> leaders = new TreeMap<>(PARTITION_ORDER);
    describeAllTopics()
        .forEach(
            (topic, description) -> {
              for (TopicPartitionInfo partition : description.partitions()) {
                Node leader = partition.leader();
                leaders.put(
                    new TopicPartition(topic, partition.partition()),
                    leader == null || leader.isEmpty() ? -1 : leader.id());
              }
            });
    return leaders;
  }

  /**
   * Partitions whose in-sync replicas are fewer than their replicas, with the ids of the replicas
   * missing from the ISR: empty when every replica has caught up.
   */
  public Map<TopicPartition, Set<Integer>> underReplicatedPartitions() {
    Map<TopicPartition, Set<Integer>> lagging = new TreeMap<>(PARTITION_ORDER);
    describeAllTopics()
        .forEach(
            (topic, description) -> {
              for (TopicPartitionInfo partition : description.partitions()) {
                Set<Integer> missing =
                    partition.replicas().stream()
                        .map(Node::id)
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
                partition.isr().forEach(node -> missing.remove(node.id()));
                if (!missing.isEmpty()) {
                  lagging.put(new TopicPartition(topic, partition.partition()), missing);
                }
              }
            });
    return lagging;
  }

  private Map<String, TopicDescription> describeAllTopics() {
    return call(
        admin -> {
          Set<String> names =
              admin
                  .listTopics(new ListTopicsOptions().listInternal(true).timeoutMs(timeoutMs()))
                  .names()
                  .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          return admin
              .describeTopics(names, new DescribeTopicsOptions().timeoutMs(timeoutMs()))
              .allTopicNames();
        });
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeAdmin();
    stopNodes();
    nodes.forEach(KafkaBroker::close);
    removeShutdownHook();
    if (temporary) {
      LocalFiles.deleteRecursively(dataDir);
    }
  }

  private void stopNodes() {
    // SIGTERM to all first: each node's controlled shutdown needs the others' quorum
    nodes.forEach(KafkaBroker::beginStop);
    nodes.forEach(KafkaBroker::awaitStop);
  }

  // Not synchronized: the JVM may be exiting while another thread holds the lock in restart().
  private void stopOnExit() {
    stopNodes();
    if (temporary) {
      LocalFiles.deleteRecursively(dataDir);
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // The JVM is already shutting down and runs the hook itself, or it was never registered.
    }
  }

  @FunctionalInterface
  private interface AdminCall<T> {
    org.apache.kafka.common.KafkaFuture<T> apply(Admin admin) throws Exception;
  }

  /** One Admin request with a bounded wait; the client is kept for the next call. */
  private synchronized <T> T call(AdminCall<T> request) {
    if (closed) {
      throw new IllegalStateException("the Kafka cluster is closed");
    }
    if (admin == null) {
      admin = KafkaBroker.admin(bootstrapServers());
    }
    try {
      return request.apply(admin).get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Kafka", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      // a timeout, or no node reachable
      throw new IllegalStateException("Kafka did not answer: " + e, e);
    }
  }

  private synchronized void closeAdmin() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
  }

  private static int timeoutMs() {
    return (int) ADMIN_TIMEOUT.toMillis();
  }

  private static final java.util.Comparator<TopicPartition> PARTITION_ORDER =
      java.util.Comparator.comparing(TopicPartition::topic)
          .thenComparingInt(TopicPartition::partition);

  /** {@code 1@127.0.0.1:port,2@127.0.0.1:port,...}: the voters of a static KRaft quorum. */
  private static String voters(List<int[]> ports) {
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      voters.add((i + 1) + "@127.0.0.1:" + ports.get(i)[1]);
    }
    return String.join(",", voters);
  }

  /**
   * Broker and controller port of each node; zeros become free ports, all found together so that no
   * two listeners get the same.
   */
  private static List<int[]> choosePorts(List<Integer> brokerPorts, List<Integer> controllerPorts) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    List<ServerSocket> held = new ArrayList<>();
    try {
      List<int[]> ports = new ArrayList<>();
      for (int i = 0; i < brokerPorts.size(); i++) {
        int[] pair = new int[2];
        List<Integer> wanted = List.of(brokerPorts.get(i), controllerPorts.get(i));
        for (int j = 0; j < 2; j++) {
          if (wanted.get(j) != 0) {
            pair[j] = wanted.get(j);
          } else {
            ServerSocket socket = new ServerSocket(0, 1, loopback);
            held.add(socket);
            pair[j] = socket.getLocalPort();
          }
        }
        ports.add(pair);
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free ports on 127.0.0.1", e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // the port is free either way
        }
      }
    }
  }
}
