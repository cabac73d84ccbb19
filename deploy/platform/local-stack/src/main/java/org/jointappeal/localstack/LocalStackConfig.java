package org.jointappeal.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where this checkout keeps the real servers' binaries, as written into {@code
 * local-stack.properties} by the build. A system property of the same name overrides a value, e.g.
 * {@code -Dkafka.lib.dir=...} when running from a jar built elsewhere.
 */
public record LocalStackConfig(
    Path kafkaLibDir, Path keycloakDistZip, String keycloakVersion, Path repoRoot) {

  private static final String RESOURCE = "/local-stack.properties";

  public static LocalStackConfig load() {
    Properties properties = new Properties();
    try (InputStream in = LocalStackConfig.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new LocalStackConfig(
        path(properties, "kafka.lib.dir"),
        path(properties, "keycloak.dist.zip"),
        value(properties, "keycloak.version"),
        findRepoRoot(path(properties, "repo.root")));
  }

  /**
   * The directory holding the broker's jars, checked so that a missing build step fails with the
   * command that fixes it rather than with a ClassNotFoundException in a child process.
   */
  public Path requireKafkaLibDir() {
    try (var jars = Files.list(kafkaLibDir)) {
      if (jars.anyMatch(jar -> jar.getFileName().toString().startsWith("kafka_2.13-"))) {
        return kafkaLibDir;
      }
    } catch (IOException e) {
      // falls through to the explanation below
    }
    throw new IllegalStateException(
        "no Kafka broker jars in "
            + kafkaLibDir
            + ": run `mvn -f deploy/platform/kafka-broker/pom.xml generate-resources` first");
  }

  private static String value(Properties properties, String key) {
    String value = System.getProperty(key, properties.getProperty(key));
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(key + " is not set in " + RESOURCE);
    }
    return value.strip();
  }

  private static Path path(Properties properties, String key) {
    return Path.of(value(properties, key)).toAbsolutePath().normalize();
  }

  // Maven fills repo.root from maven.multiModuleProjectDirectory, which without a .mvn folder is
  // the directory of the POM given with -f (e.g. deploy/platform/local-stack), not the checkout's
  // root.
  private static Path findRepoRoot(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("deploy/platform/local-stack/pom.xml"))) {
        return dir;
      }
    }
    return start;
  }
}
