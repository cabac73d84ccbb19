package org.jointappeal.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Quarkus service (target/quarkus-app) run as its own JVM, configured only through
 * environment variables, as an operator would run it.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ServiceProcess.class.getName());
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final Map<String, String> environment;
  private final Path logFile;
  private final int port;
  private final int managementPort;
  private Process process;
  private Duration startupTime = Duration.ZERO;

  private ServiceProcess(
      String name,
      Path jar,
      int port,
      int managementPort,
      Map<String, String> environment,
      Path logFile) {
    this.name = name;
    this.jar = jar;
    this.port = port;
    this.managementPort = managementPort;
    this.environment = environment;
    this.logFile = logFile;
  }

  /**
   * Starts {@code <moduleDir>/target/quarkus-app/quarkus-run.jar} with its API on {@code port} and
   * health and metrics on {@code managementPort}, and waits until it is ready.
   */
  public static ServiceProcess start(
      String name,
      Path moduleDir,
      int port,
      int managementPort,
      Map<String, String> environment,
      Path logDir,
      Duration timeout)
      throws IOException {
    Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build the services first (mvn package -DskipTests)");
    }
    Files.createDirectories(logDir);
    var service =
        new ServiceProcess(
            name, jar, port, managementPort, environment, logDir.resolve(name + ".log"));
    long launched = System.nanoTime();
    service.launch();
    service.awaitReady(timeout);
    service.startupTime = Duration.ofNanos(System.nanoTime() - launched);
    return service;
  }

  /**
   * JVM options of the services, besides the heap cap. The default starts fast (C1 only), right for
   * tests; the benchmark runs them with the full JIT, as production does.
   */
  public static final String JVM_OPTIONS = "jointappeal.service.jvm-options";

  static final String DEFAULT_JVM_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  private void launch() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new java.util.ArrayList<>(List.of(java, "-Xms64m", "-Xmx384m"));
    command.addAll(
        List.of(System.getProperty(JVM_OPTIONS, DEFAULT_JVM_OPTIONS).trim().split("\\s+")));
    command.addAll(List.of("-jar", jar.toString()));
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
    builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
    builder.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
    process = builder.start();
    ProcessHandle handle = process.toHandle();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> handle.destroyForcibly(), name + "-reaper"));
    LOG.log(
        System.Logger.Level.INFO,
        "{0} starting on port {1,number,#}, management port {2,number,#} (log {3})",
        name,
        port,
        managementPort,
        logFile);
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastAnswer = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + logFile);
      }
      try {
        var response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          LOG.log(System.Logger.Level.INFO, "{0} ready at {1}", name, baseUrl());
          return;
        }
        lastAnswer = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        lastAnswer = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      pause(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        name + " not ready within " + timeout + ": " + lastAnswer + "; see " + logFile);
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Health ({@code /q/health}) and metrics ({@code /q/metrics}): not on the API's port. */
  public String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  public Path logFile() {
    return logFile;
  }

  /** From launching the JVM to the first 200 of /q/health/ready, at the last (re)start. */
  public synchronized Duration startupTime() {
    return startupTime;
  }

  /** The service's JVM while it runs, e.g. for reading its memory use from /proc. */
  public synchronized java.util.Optional<ProcessHandle> processHandle() {
    return process != null && process.isAlive()
        ? java.util.Optional.of(process.toHandle())
        : java.util.Optional.empty();
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: the service gets no chance to finish anything (for fault tests). */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor(Duration.ofSeconds(10));
    }
  }

  /** Starts it again with the same port and configuration, and waits until it is ready. */
  public synchronized void restart(Duration timeout) throws IOException {
    close();
    long launched = System.nanoTime();
    launch();
    awaitReady(timeout);
    startupTime = Duration.ofNanos(System.nanoTime() - launched);
  }

  @Override
  public synchronized void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM: Quarkus shuts down gracefully
    if (!waitFor(Duration.ofSeconds(20))) {
      process.destroyForcibly();
      waitFor(Duration.ofSeconds(10));
    }
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
