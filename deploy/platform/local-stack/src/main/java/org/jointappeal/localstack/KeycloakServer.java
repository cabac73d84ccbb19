package org.jointappeal.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} zip from Maven Central) in development mode,
 * listening on 127.0.0.1 only, with realms imported from JSON files. For local runs and tests only:
 * development mode keeps its data in an H2 file database and the admin account is admin/admin.
 *
 * <p>The unpacked distribution and its database stay in {@code workDir} between runs; the realm
 * files are imported again (after deleting the database) only when their content changes, because
 * Keycloak's import skips realms that already exist. One work directory serves one server at a
 * time: a second start on the same directory fails at once.
 */
public final class KeycloakServer implements AutoCloseable {

  /** The realm of the application. */
  public static final String REALM = "joint-appeal";

  private static final System.Logger LOG = System.getLogger(KeycloakServer.class.getName());
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final String LOOPBACK = "127.0.0.1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path home;
  private final Path logFile;
  private final int httpPort;
  private final int managementPort;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Path cdsArchive;
  private final Path cdsArchiveInProgress;
  private Process process;
  private Thread shutdownHook;

  private KeycloakServer(
      Path home,
      Path logFile,
      int httpPort,
      int managementPort,
      FileChannel lockChannel,
      FileLock lock) {
    this.home = home;
    this.logFile = logFile;
    this.httpPort = httpPort;
    this.managementPort = managementPort;
    this.lockChannel = lockChannel;
    this.lock = lock;
    // A class-data-sharing archive of the server's classes, written when the second run (the first
    // one rebuilds the server) exits normally and used from then on; see launch().
    String javaVersion = System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.+_-]", "_");
    this.cdsArchive = home.resolve("data/cds/keycloak-java-" + javaVersion + ".jsa");
    this.cdsArchiveInProgress = home.resolve("data/cds/keycloak-java-" + javaVersion + ".jsa.tmp");
  }

  /**
   * Unpacks Keycloak into {@code workDir} if needed, starts it with the given realm files imported
   * and waits until the first realm answers (at most 240 s).
   *
   * @param httpPortOrZero the HTTP port on 127.0.0.1, or 0 for a free one
   * @param managementPortOrZero the management (health) port on 127.0.0.1, or 0 for a free one
   * @param realmFiles realm export files; the first one's realm is awaited
   */
  public static KeycloakServer start(
      Path workDir, int httpPortOrZero, int managementPortOrZero, List<Path> realmFiles) {
    if (realmFiles.isEmpty()) {
      throw new IllegalArgumentException("at least one realm file is needed");
    }
    try {
      Files.createDirectories(workDir);
      FileChannel lockChannel =
          FileChannel.open(
              workDir.resolve("keycloak.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException heldInThisJvm) {
        lock = null;
      }
      if (lock == null) {
        lockChannel.close();
        throw new IllegalStateException(
            "another Keycloak is running from "
                + workDir
                + "; give this one its own work directory");
      }
      KeycloakServer server = null;
      try {
        Properties config = config();
        Path home = workDir.resolve("keycloak-" + config.getProperty("keycloak.version"));
        boolean freshlyUnpacked = unpack(Path.of(config.getProperty("keycloak.dist.zip")), home);
        RealmImport realmImport = prepareImport(home, realmFiles);
        int httpPort = httpPortOrZero == 0 ? LoopbackPorts.free() : httpPortOrZero;
        int managementPort = managementPortOrZero;
        while (managementPort == 0 || managementPort == httpPort) { // may be handed out twice
          managementPort = LoopbackPorts.free();
        }
        server =
            new KeycloakServer(
                home, workDir.resolve("keycloak.log"), httpPort, managementPort, lockChannel, lock);
        server.launch(freshlyUnpacked);
        server.awaitReady(realmImport.realms().get(0));
        realmImport.recordSuccess();
        return server;
      } catch (RuntimeException | IOException e) {
        if (server != null) {
          server.close();
        } else {
          lockChannel.close();
        }
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Keycloak in " + workDir, e);
    }
  }

  /**
   * The realm files of this checkout: {@code deploy/keycloak/joint-appeal-realm.json} and {@code
   * deploy/keycloak/other-realm.json} (a second realm whose tokens the services must reject).
   */
  public static List<Path> defaultRealmFiles() {
    Path start = Path.of(config().getProperty("repo.root"));
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path realms = dir.resolve("deploy/keycloak");
      if (Files.isRegularFile(realms.resolve("joint-appeal-realm.json"))) {
        return List.of(
            realms.resolve("joint-appeal-realm.json"), realms.resolve("other-realm.json"));
      }
    }
    throw new IllegalStateException("no deploy/keycloak/joint-appeal-realm.json above " + start);
  }

  /** For example {@code http://127.0.0.1:8180}. */
  public String baseUrl() {
    return "http://" + LOOPBACK + ":" + httpPort;
  }

  /**
   * The {@code iss} of the realm's tokens, e.g. {@code http://127.0.0.1:8180/realms/joint-appeal}.
   */
  public String issuer(String realm) {
    return baseUrl() + "/realms/" + realm;
  }

  public int httpPort() {
    return httpPort;
  }

  /** Serves {@code /health/ready} and {@code /health/live}. */
  public int managementPort() {
    return managementPort;
  }

  public Path logFile() {
    return logFile;
  }

  /**
   * kc.sh and the JVM it runs; empty once stopped. For checks such as "listens on loopback only",
   * and for reading their memory use from /proc.
   */
  public synchronized List<ProcessHandle> processTree() {
    if (process == null) {
      return List.of();
    }
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.descendants().forEach(tree::add);
    return tree;
  }

  /** Stops Keycloak: gracefully, then after 30 s forcibly. Idempotent. */
  @Override
  public synchronized void close() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shutdownInProgress) {
        // the hook is running or about to run: it stops the process itself
      }
      shutdownHook = null;
    }
    try {
      stopProcess();
    } finally {
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot release " + lockChannel, e);
      }
    }
  }

  private void launch(boolean freshlyUnpacked) throws IOException {
    Files.createDirectories(cdsArchive.getParent());
    Files.deleteIfExists(cdsArchiveInProgress);
    String cdsOption;
    if (!Boolean.parseBoolean(System.getProperty("keycloak.cds", "true"))) {
      cdsOption = "";
    } else if (Files.isRegularFile(cdsArchive)) {
      cdsOption = " -XX:SharedArchiveFile=" + cdsArchive + " -Xlog:cds=off -Xlog:cds+dynamic=off";
    } else if (freshlyUnpacked) {
      // Not on the first run: kc.sh first runs a JVM that rebuilds the server for development mode
      // and exits, and that one would dump a useless archive, slowing the first start further.
      cdsOption = "";
    } else {
      cdsOption =
          " -XX:ArchiveClassesAtExit="
              + cdsArchiveInProgress
              + " -Xlog:cds=off -Xlog:cds+dynamic=off";
    }

    List<String> command =
        List.of(
            home.resolve("bin/kc.sh").toString(),
            "start-dev",
            "--http-host=" + LOOPBACK,
            "--http-port=" + httpPort,
            "--http-management-host=" + LOOPBACK,
            "--http-management-port=" + managementPort,
            "--health-enabled=true",
            "--import-realm");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
    Map<String, String> env = builder.environment();
    // Settings of the caller's shell must not leak in (KC_DB, a JAVA_OPTS without the defaults).
    env.keySet()
        .removeIf(
            name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS") || name.equals("JAVA"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"); // local demo only
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"); // local demo only
    // C1 only: about twice as fast to start (31 s -> 13 s measured); CDS saves ~2-3 s more.
    env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1" + cdsOption);

    LOG.log(
        System.Logger.Level.INFO,
        "Keycloak starting on {0} (management port {1,number,#}, log {2})",
        baseUrl(),
        managementPort,
        logFile);
    process = builder.start();
    shutdownHook = new Thread(this::stopProcess, "keycloak-stopper");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  private void awaitReady(String realm) {
    Process process = this.process;
    URI wellKnown = URI.create(issuer(realm) + "/.well-known/openid-configuration");
    HttpRequest request = HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).build();
    long started = System.nanoTime();
    long deadline = started + READY_TIMEOUT.toNanos();
    String lastAnswer = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with "
                + process.exitValue()
                + " before it was ready; "
                + LocalFiles.tail(logFile));
      }
      try {
        HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          LOG.log(
              System.Logger.Level.INFO,
              "Keycloak ready on {0} after {1} ms",
              baseUrl(),
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
          return;
        }
        lastAnswer = "HTTP " + response.statusCode();
      } catch (IOException e) {
        lastAnswer = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Keycloak", e);
      }
      sleep(500);
    }
    throw new IllegalStateException(
        "Keycloak not ready after "
            + READY_TIMEOUT.toSeconds()
            + " s ("
            + wellKnown
            + ": "
            + lastAnswer
            + "); "
            + LocalFiles.tail(logFile));
  }

  /**
   * kc.sh runs java as its child (and may exec a second one after a rebuild), so the whole tree is
   * signalled: SIGTERM first, which Keycloak answers with a clean shutdown in 1-3 s.
   */
  private synchronized void stopProcess() {
    Process p = process;
    if (p == null) {
      return;
    }
    List<ProcessHandle> tree = processTree();
    process = null;
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    boolean stopped = true;
    for (ProcessHandle handle : tree) {
      long left = deadline - System.nanoTime();
      try {
        handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
      } catch (Exception notYet) {
        stopped = false;
      }
    }
    if (!stopped) {
      LOG.log(System.Logger.Level.WARNING, "Keycloak did not stop within 30 s: killing it");
      tree.forEach(ProcessHandle::destroyForcibly);
      tree.forEach(handle -> handle.onExit().join());
    }
    keepCdsArchiveIfComplete(stopped);
  }

  // The JVM writes the archive while it exits: only a run that exited on its own leaves it whole.
  private void keepCdsArchiveIfComplete(boolean exitedNormally) {
    try {
      if (exitedNormally
          && Files.isRegularFile(cdsArchiveInProgress)
          && Files.size(cdsArchiveInProgress) > 0) {
        Files.move(cdsArchiveInProgress, cdsArchive, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.deleteIfExists(cdsArchiveInProgress);
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot keep the CDS archive " + cdsArchive, e);
    }
  }

  // --- work directory -------------------------------------------------------------------------

  /** Unpacks the distribution into {@code home} unless it is there already; true if it was not. */
  private static boolean unpack(Path zip, Path home) throws IOException {
    if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      return false;
    }
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(
          zip
              + " is missing: run `mvn -f deploy/platform/local-stack/pom.xml generate-resources` first");
    }
    // Unpacked beside and renamed at the end: an interrupted unpack is never taken for a whole one.
    Path partial = home.resolveSibling(home.getFileName() + ".partial");
    LocalFiles.deleteRecursively(partial);
    LOG.log(System.Logger.Level.INFO, "Unpacking {0} into {1}", zip, home);
    try (ZipFile zipFile = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : zipFile.stream().toList()) {
        // Entries are keycloak-<version>/...: the first segment is dropped.
        String name = entry.getName();
        int slash = name.indexOf('/');
        if (slash < 0 || slash == name.length() - 1) {
          continue;
        }
        Path target = partial.resolve(name.substring(slash + 1)).normalize();
        if (!target.startsWith(partial)) {
          throw new IOException("zip entry outside the target folder: " + name);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = zipFile.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    try (Stream<Path> scripts = Files.list(partial.resolve("bin"))) {
      for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
        if (!script.toFile().setExecutable(true, false)) {
          throw new IOException("cannot make " + script + " executable");
        }
      }
    }
    Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  /**
   * Puts the realm files into {@code data/import} and, when they differ from the last imported
   * ones, deletes the database so that they are imported again. Returns the realm names.
   */
  private static RealmImport prepareImport(Path home, List<Path> realmFiles) throws IOException {
    Path importDir = home.resolve("data/import");
    LocalFiles.deleteRecursively(importDir);
    Files.createDirectories(importDir);
    MessageDigest digest = sha256();
    List<String> realms = new ArrayList<>();
    for (Path file : realmFiles) {
      byte[] content = Files.readAllBytes(file);
      JsonNode realm = JSON.readTree(content).path("realm");
      if (!realm.isTextual() || realm.asText().isBlank()) {
        throw new IllegalArgumentException(file + " has no \"realm\" name");
      }
      realms.add(realm.asText());
      // Keycloak refuses a directory import whose file is not named <realm>-realm.json.
      Files.write(importDir.resolve(realm.asText() + "-realm.json"), content);
      digest.update(realm.asText().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(content);
      digest.update((byte) 0);
    }
    String hash = HexFormat.of().formatHex(digest.digest());
    Path hashFile = home.resolve("data/imported-realms.sha256");
    String previous = Files.isRegularFile(hashFile) ? Files.readString(hashFile).strip() : "";
    Path database = home.resolve("data/h2");
    if (!hash.equals(previous) || !Files.isDirectory(database)) {
      // The hash is written back only once the server is ready (see start): a start that fails or
      // is interrupted during the import deletes the database and imports again next time.
      Files.deleteIfExists(hashFile);
      LocalFiles.deleteRecursively(database);
      LOG.log(System.Logger.Level.INFO, "Realm files changed: Keycloak imports {0} afresh", realms);
    }
    return new RealmImport(realms, hashFile, hash);
  }

  private record RealmImport(List<String> realms, Path hashFile, String hash) {
    void recordSuccess() throws IOException {
      Files.writeString(hashFile, hash + "\n");
    }
  }

  // --- small helpers --------------------------------------------------------------------------

  /** The build-written {@code local-stack.properties}; system properties of the same name win. */
  private static Properties config() {
    Properties properties = new Properties();
    try (InputStream in = KeycloakServer.class.getResourceAsStream("/local-stack.properties")) {
      if (in == null) {
        throw new IllegalStateException("/local-stack.properties is missing from the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /local-stack.properties", e);
    }
    for (String key : List.of("keycloak.dist.zip", "keycloak.version", "repo.root")) {
      String value = System.getProperty(key, properties.getProperty(key, ""));
      if (value.isBlank() || value.startsWith("${")) {
        throw new IllegalStateException(key + " is not set in /local-stack.properties");
      }
      properties.setProperty(key, value.strip());
    }
    return properties;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Keycloak", e);
    }
  }
}
