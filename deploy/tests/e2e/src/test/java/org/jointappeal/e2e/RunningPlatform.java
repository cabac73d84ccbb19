package org.jointappeal.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jointappeal.localstack.Platform;

/**
 * One platform per test JVM, on free ports: PostgreSQL, Kafka, Keycloak and the three packaged
 * services as separate processes, exporting their traces to a receiver in this JVM. Stopped when
 * the JVM ends.
 */
final class RunningPlatform {

  private static Platform platform;
  private static TraceReceiver traces;
  private static RuntimeException startFailure;
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  private RunningPlatform() {}

  static synchronized Platform get() {
    if (startFailure != null) {
      throw startFailure; // one failed start is reported to every test, not retried half-started
    }
    if (platform == null) {
      Path target = Path.of("target").toAbsolutePath();
      Path work = target.resolve("e2e-work");
      // fresh data for every run; Keycloak's folder is kept (its realm import is checked by hash)
      deleteRecursively(work.resolve("postgres"));
      deleteRecursively(work.resolve("kafka"));
      try {
        platform = Platform.startStack(work, Platform.Ports.free());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "e2e-platform-shutdown"));
        // domain gauges within seconds rather than the production 30 s (DashboardMetricsIT)
        platform.overrideEnvironment(
            "appeal-service", Map.of("APPEAL_METRICS_REFRESH_INTERVAL", "PT2S"));
        platform.overrideEnvironment(
            "pledge-service", Map.of("PLEDGE_METRICS_REFRESH_INTERVAL", "PT2S"));
        platform.overrideEnvironment(
            "notification-service", Map.of("NOTIFICATION_METRICS_REFRESH_INTERVAL", "PT2S"));
        // known before the services start: they read the endpoint once
        traces = TraceReceiver.start();
        platform.exportTracesTo(traces.endpoint());
        platform.startServices(target.resolve("e2e-logs"), Duration.ofMinutes(3));
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return platform;
  }

  private static void deleteRecursively(Path dir) {
    if (!java.nio.file.Files.exists(dir)) {
      return;
    }
    try (var paths = java.nio.file.Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(path);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot clear " + dir, e);
    }
  }

  /** The spans the services exported since the platform started. */
  static TraceReceiver traces() {
    get();
    return traces;
  }

  static String url(String service) {
    return get().service(service).baseUrl();
  }

  /** A real access token from Keycloak's password grant (demo password "demo"), cached per user. */
  static String token(String user) {
    return TOKENS.computeIfAbsent(user, u -> get().tokens().password(u, "demo"));
  }
}
