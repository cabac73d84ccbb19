package org.jointappeal.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (zonky's binaries from Maven Central) listening on 127.0.0.1 only.
 *
 * <p>As root, zonky runs the binaries under {@code unshare -U}: they look like {@code nobody} but
 * act on the disk as root without root's capabilities. So a data directory must be owned and
 * writable by root itself; chowning it to {@code nobody} makes initdb fail with "Permission
 * denied".
 */
public final class PostgresServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
  private static final String SUPERUSER = "postgres";
  // Names go into SQL as identifiers, so only plain lowercase ones are accepted.
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private volatile EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final Path logFile;
  private final Path temporaryRoot;

  private PostgresServer(
      EmbeddedPostgres postgres, Path dataDirectory, Path logFile, Path temporaryRoot) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.logFile = logFile;
    this.temporaryRoot = temporaryRoot;
  }

  /**
   * Starts a server on {@code dataDirOrNull}, re-using the data found there, or on a throw-away
   * directory deleted by {@link #close()} when it is null; {@code portOrZero} 0 picks a free port.
   */
  public static PostgresServer start(Path dataDirOrNull, int portOrZero) throws IOException {
    long started = System.nanoTime();
    if (portOrZero != 0) {
      requireFreePort(portOrZero);
    }
    boolean temporary = dataDirOrNull == null;
    Path temporaryRoot = temporary ? Files.createTempDirectory("local-postgres-") : null;
    Path dataDirectory =
        temporary ? temporaryRoot.resolve("data") : dataDirOrNull.toAbsolutePath().normalize();
    // The log lives next to the data, not in it: initdb wants an empty directory.
    Path logFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    Files.createDirectories(dataDirectory.getParent());
    if (temporary) {
      // If the JVM exits without close(), zonky's own shutdown hook stops the server and deletes
      // the data; these run after all shutdown hooks, in reverse order: the log, then its folder.
      temporaryRoot.toFile().deleteOnExit();
      logFile.toFile().deleteOnExit();
    }
    ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());

    EmbeddedPostgres postgres;
    try {
      postgres = launch(dataDirectory, portOrZero, temporary, log);
    } catch (IOException | RuntimeException e) {
      String logTail = LocalFiles.tail(logFile);
      if (temporary) {
        LocalFiles.deleteRecursively(temporaryRoot);
      }
      throw new IllegalStateException(
          "PostgreSQL did not start in " + dataDirectory + "; " + logTail, e);
    }
    LOG.log(
        Level.INFO,
        "postgres started port={0} dataDir={1} in {2} ms",
        String.valueOf(postgres.getPort()),
        dataDirectory,
        String.valueOf(Duration.ofNanos(System.nanoTime() - started).toMillis()));
    return new PostgresServer(postgres, dataDirectory, logFile, temporaryRoot);
  }

  private static EmbeddedPostgres launch(
      Path dataDirectory, int portOrZero, boolean temporary, ProcessBuilder.Redirect log)
      throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(temporary)
        .setPort(portOrZero)
        .setServerConfig("listen_addresses", "127.0.0.1")
        // Services run several connection pools against one server during tests.
        .setServerConfig("max_connections", "300")
        // zonky only notices a failed start when this wait ends (2 s is typical here).
        .setPGStartupWait(Duration.ofSeconds(20))
        .setOutputRedirector(log)
        .setErrorRedirector(log)
        .start();
  }

  /**
   * Stops the server (fast shutdown: every client's connection is cut), keeps it down for {@code
   * down}, then starts it again on the same port and data. For fault tests; a throw-away server (no
   * data directory given) cannot be restarted, its data goes with the stop.
   */
  public synchronized void restart(Duration down) throws IOException {
    if (temporaryRoot != null) {
      throw new IllegalStateException("a throw-away PostgreSQL server cannot be restarted");
    }
    int port = port();
    postgres.close();
    LOG.log(Level.INFO, "postgres stopped for a restart port={0}", String.valueOf(port));
    try {
      Thread.sleep(down.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    postgres =
        launch(dataDirectory, port, false, ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    LOG.log(Level.INFO, "postgres restarted port={0}", String.valueOf(port));
  }

  /**
   * Creates the login role and the database it owns when missing. The server trusts local
   * connections, so the password only matters to clients that insist on sending one; it is reset on
   * every call so that it always matches what the caller configures.
   */
  public void ensureDatabase(String name, String user, String password) {
    requireIdentifier(name);
    requireIdentifier(user);
    try (Connection connection = connect("postgres", SUPERUSER);
        Statement statement = connection.createStatement()) {
      String passwordLiteral = "'" + password.replace("'", "''") + "'";
      if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
        statement.execute("ALTER ROLE " + user + " WITH LOGIN PASSWORD " + passwordLiteral);
      } else {
        statement.execute("CREATE ROLE " + user + " WITH LOGIN PASSWORD " + passwordLiteral);
      }
      if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
        // CREATE DATABASE cannot run inside a transaction; the connection is in auto-commit.
        statement.execute("CREATE DATABASE " + name + " OWNER " + user);
        LOG.log(Level.INFO, "postgres database created database={0} owner={1}", name, user);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot ensure database " + name, e);
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public Path logFile() {
    return logFile;
  }

  /** A superuser connection, for tests and set-up scripts. */
  public Connection connect(String database) throws SQLException {
    return connect(database, SUPERUSER);
  }

  @Override
  public void close() {
    try {
      postgres.close();
      LOG.log(Level.INFO, "postgres stopped port={0}", String.valueOf(port()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop PostgreSQL on port " + port(), e);
    } finally {
      if (temporaryRoot != null) {
        LocalFiles.deleteRecursively(temporaryRoot);
      }
    }
  }

  private Connection connect(String database, String user) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user, "");
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (var rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  // A busy port is found at once here; the server itself would only fail after the startup wait.
  private static void requireFreePort(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      // bound, so free; closing it frees it again
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use", e);
    }
  }

  private static void requireIdentifier(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "not a plain lowercase PostgreSQL identifier: '" + name + "'");
    }
  }
}
