package org.jointappeal.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code deploy/run.sh}: the local stack, the three services, the web console and the demo data,
 * until Ctrl-C. Data is kept in {@code .local-stack/} between runs; {@code --fresh} starts from
 * nothing; {@code --kafka-brokers=3} runs Kafka as a three-node cluster (replication factor 3,
 * {@code min.insync.replicas} 2) instead of one broker.
 */
public final class RunPlatform {

  private RunPlatform() {}

  public static void main(String[] args) throws Exception {
    List<String> options = List.of(args);
    int kafkaBrokers = kafkaBrokers(options);
    Path repo = LocalStackConfig.load().repoRoot();
    Path work = repo.resolve(".local-stack");
    if (options.contains("--fresh")) {
      deleteRecursively(work);
    }
    Files.createDirectories(work);
    long started = System.nanoTime();
    Platform platform = Platform.startStack(work, Platform.Ports.standard(kafkaBrokers));
    // Ctrl-C (SIGINT) runs this: services first, then Keycloak, Kafka and PostgreSQL
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-shutdown"));
    platform.startServices(work.resolve("logs"), Duration.ofMinutes(3));
    boolean loaded = false;
    if (!options.contains("--no-demo-data")) {
      loaded =
          new DemoData(
                  platform.service("appeal-service").baseUrl(),
                  platform.service("pledge-service").baseUrl(),
                  platform.tokens())
              .loadIfAbsent();
    }
    System.out.println(
        banner(platform, work, loaded, Duration.ofNanos(System.nanoTime() - started)));
    Thread.currentThread().join();
  }

  /** {@code --kafka-brokers=N}: 1 (the default) to 9 nodes; ports 9092 to 9091 + 2N. */
  static int kafkaBrokers(List<String> options) {
    String prefix = "--kafka-brokers=";
    int brokers = 1;
    for (String option : options) {
      if (option.startsWith(prefix)) {
        String value = option.substring(prefix.length());
        try {
          brokers = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          brokers = 0;
        }
        if (brokers < 1 || brokers > 9) {
          throw new IllegalArgumentException(
              option + ": give a number of Kafka brokers from 1 to 9, e.g. --kafka-brokers=3");
        }
      }
    }
    return brokers;
  }

  private static String kafkaDescription(KafkaCluster kafka) {
    if (kafka.size() == 1) {
      return kafka.bootstrapServers();
    }
    return "%s   (%d nodes, KRaft; replication factor %d, min.insync.replicas %d)"
        .formatted(
            kafka.bootstrapServers(),
            kafka.size(),
            kafka.replicationFactor(),
            kafka.minInsyncReplicas());
  }

  private static String banner(Platform p, Path work, boolean loaded, Duration took) {
    String kc = p.keycloak().baseUrl();
    return """

        ==================================================================================
         Joint appeal platform is up (%d s). Press Ctrl-C to stop everything.

         web console           %s   (log in as finance / demo; see the demo users below)
         appeal-service        %s   (OpenAPI: /q/openapi)
         pledge-service        %s
         notification-service  %s
         health and metrics    %s, %s, %s   (/q/health/ready, /q/metrics)
         Keycloak              %s   (realm %s; admin console: admin / admin, local demo only)
         PostgreSQL            127.0.0.1:%d   (databases appeal, pledge, notification)
         Kafka                 %s
         Mail (GreenMail)      SMTP 127.0.0.1:%d, POP3 127.0.0.1:%d (user = password = the address)
         data and logs         %s
         demo data             %s

         Demo users (password "demo"): manager (appeal-manager), finance (finance-officer),
         auditor (auditor), donor-nor, donor-swe, donor-che, donor-usa, donor-jpn (donor).

         Get a token and call the API:
           TOKEN=$(curl -s -d client_id=joint-appeal-cli -d grant_type=password \\
             -d username=finance -d password=demo \\
             %s/realms/%s/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
           curl -s -H "Authorization: Bearer $TOKEN" %s/appeals/%s/funding
        ==================================================================================
        """
        .formatted(
            took.toSeconds(),
            consoleUrl(p),
            p.service("appeal-service").baseUrl(),
            p.service("pledge-service").baseUrl(),
            p.service("notification-service").baseUrl(),
            p.service("appeal-service").managementUrl(),
            p.service("pledge-service").managementUrl(),
            p.service("notification-service").managementUrl(),
            kc,
            Platform.REALM,
            p.postgres().port(),
            kafkaDescription(p.kafka()),
            p.mail().port(),
            p.mail().pop3Port(),
            work,
            loaded
                ? "loaded (appeal " + DemoData.APPEAL + ")"
                : "kept from an earlier run (or skipped)",
            kc,
            Platform.REALM,
            p.service("appeal-service").baseUrl(),
            DemoData.APPEAL);
  }

  private static String consoleUrl(Platform p) {
    try {
      return p.service(Platform.CONSOLE).baseUrl();
    } catch (IllegalArgumentException notBuilt) {
      return "not running (build it: mvn package -DskipTests -pl web-console)";
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
