package org.jointappeal.descriptors;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service reads, taken from its sources at test time: the keys of its {@code
 * application.properties}, the keys of its {@code @ConfigMapping} interfaces and the {@code {key}}
 * expressions of its annotations, and the Kafka topics of its channels.
 */
final class ServiceConfig {

  /**
   * Variables a deployment may set that are not keys of the service's own configuration files:
   * Quarkus runtime keys an operator commonly sets, and the JVM options variable of the UBI OpenJDK
   * base image Jib builds on (read by its start script, not by Quarkus). Keep this list short;
   * docs/configuration.md names the same ones.
   */
  static final Set<String> RUNTIME_VARIABLES =
      Set.of(
          "QUARKUS_HTTP_PORT",
          "QUARKUS_HTTP_HOST",
          "QUARKUS_PROFILE",
          "QUARKUS_LOG_LEVEL",
          "JAVA_OPTS_APPEND");

  /**
   * Keys without a usable production default: the local addresses in application.properties would
   * make a container talk to itself, the password has no default outside dev and test, and the
   * service listens on 127.0.0.1 unless told otherwise.
   */
  static final Set<String> REQUIRED_IN_DEPLOYMENT =
      Set.of(
          "QUARKUS_DATASOURCE_JDBC_URL",
          "QUARKUS_DATASOURCE_USERNAME",
          "QUARKUS_DATASOURCE_PASSWORD",
          "KAFKA_BOOTSTRAP_SERVERS",
          "QUARKUS_OIDC_AUTH_SERVER_URL",
          "QUARKUS_HTTP_HOST");

  private static final Pattern CONFIG_MAPPING =
      Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"");
  private static final Pattern ACCESSOR =
      Pattern.compile("^\\s*[\\w<>,.?\\[\\] ]+\\s+(\\w+)\\(\\s*\\)\\s*;");
  private static final Pattern EXPRESSION = Pattern.compile("\"\\$?\\{([a-z][\\w.\"-]*)}\"");
  private static final Pattern CHANNEL =
      Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector");
  private static final Pattern PROFILE = Pattern.compile("%([\\w-]+)\\.(.+)");

  private final String service;
  private final Properties properties = new Properties();
  private final Set<String> keys = new TreeSet<>();

  private ServiceConfig(String service) {
    this.service = service;
  }

  static ServiceConfig of(String service) {
    var config = new ServiceConfig(service);
    config.read();
    return config;
  }

  String service() {
    return service;
  }

  /** The value application.properties gives a key (profiled keys as written: {@code %prod.x}). */
  java.util.Optional<String> value(String key) {
    return java.util.Optional.ofNullable(properties.getProperty(key));
  }

  /** Every key the service reads, without profile. */
  Set<String> keys() {
    return keys;
  }

  /** Whether an environment variable sets a key the service reads (or an allowed runtime one). */
  boolean reads(String variable) {
    if (RUNTIME_VARIABLES.contains(variable)) {
      return true;
    }
    // _PROD_QUARKUS_X sets quarkus.x in the prod profile only
    String unprofiled = variable.replaceFirst("^_[A-Z0-9]+_", "");
    return keys.stream()
        .map(ServiceConfig::environmentName)
        .anyMatch(name -> name.equals(variable) || name.equals(unprofiled));
  }

  /** The Kafka topics the service reads from (incoming channels). */
  Set<String> consumedTopics() {
    return topics("incoming", false);
  }

  /** Every topic the service reads, writes or dead-letters to. */
  Set<String> topics() {
    Set<String> topics = new TreeSet<>(topics("incoming", true));
    topics.addAll(topics("outgoing", false));
    return topics;
  }

  /** MicroProfile Config's rule: every character other than a letter or digit becomes '_'. */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private Set<String> topics(String direction, boolean withDeadLetters) {
    Set<String> topics = new LinkedHashSet<>();
    for (String key : properties.stringPropertyNames()) {
      Matcher channel = CHANNEL.matcher(key);
      if (!channel.matches()
          || !channel.group(1).equals(direction)
          || !"smallrye-kafka".equals(properties.getProperty(key))) {
        continue;
      }
      String prefix = "mp.messaging." + direction + "." + channel.group(2) + ".";
      // a channel without a topic reads or writes the topic named like the channel
      String topic = properties.getProperty(prefix + "topic", channel.group(2));
      topics.add(topic);
      if (withDeadLetters
          && "dead-letter-queue".equals(properties.getProperty(prefix + "failure-strategy"))) {
        topics.add(
            properties.getProperty(
                prefix + "dead-letter-queue.topic", "dead-letter-topic-" + topic));
      }
    }
    return topics;
  }

  private void read() {
    Path module = Repo.root().resolve(service);
    try (Reader reader =
        Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String key : properties.stringPropertyNames()) {
      Matcher profiled = PROFILE.matcher(key);
      keys.add(profiled.matches() ? profiled.group(2) : key);
    }
    try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
      sources.filter(f -> f.toString().endsWith(".java")).forEach(this::readSource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void readSource(Path source) {
    String text;
    try {
      text = Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      keys.add(expression.group(1));
    }
    Matcher mapping = CONFIG_MAPPING.matcher(text);
    if (!mapping.find()) {
      return;
    }
    String prefix = mapping.group(1);
    String explicitName = null;
    for (String line : text.substring(mapping.end()).split("\n")) {
      Matcher withName = WITH_NAME.matcher(line);
      if (withName.find()) {
        explicitName = withName.group(1);
      }
      Matcher accessor = ACCESSOR.matcher(line);
      if (accessor.find() && !line.contains("return")) {
        String name = explicitName != null ? explicitName : kebab(accessor.group(1));
        keys.add(prefix + "." + name);
        explicitName = null;
      }
    }
  }

  /** SmallRye Config's default naming of a mapping method: sweepInterval -> sweep-interval. */
  private static String kebab(String method) {
    return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
