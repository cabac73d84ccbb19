package org.jointappeal.benchmarks;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jointappeal.localstack.Platform;

/**
 * Scenario 4: appeal-service rebuilds its projection from the whole {@code pledge-events} topic,
 * following the procedure of docs/events.md (stop it, empty its funding ledger ({@code
 * pledge_copy}, {@code pledge_state}, {@code funding_movement}, {@code funding_total}, {@code
 * funding_unpublished}) and its inbox rows, rewind group {@code appeal-service}, start it).
 * Measured from the first offset it commits to the moment it has consumed the whole topic, then
 * checked: the funding figures of a few appeals must equal those read before.
 */
final class Replay {

  record Result(
      long events,
      double seconds,
      double eventsPerSecond,
      double startupSeconds,
      boolean projectionMatches,
      String note) {}

  private final Platform platform;
  private final Api api;
  private final Topics topics;

  Replay(Platform platform, Api api, Topics topics) {
    this.platform = platform;
    this.api = api;
    this.topics = topics;
  }

  Result run(List<String> appeals) throws Exception {
    List<String> checked = appeals.subList(0, Math.min(5, appeals.size()));
    List<String> before = checked.stream().map(this::figures).toList();
    var service = platform.service("appeal-service");
    service.close();
    try (var db = platform.postgres().connect("appeal");
        var s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("delete from inbox_message where consumer = 'appeal-service.pledge-events'");
      // the tables of the projection in this build (a build before the ledger has fewer)
      List<String> tables = new ArrayList<>();
      try (var rs =
          s.executeQuery(
              "select table_name from information_schema.tables where table_schema ="
                  + " current_schema() and table_name in ('pledge_copy', 'pledge_state',"
                  + " 'funding_movement', 'funding_total', 'funding_unpublished')")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      s.execute("truncate table " + String.join(", ", tables));
      db.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty appeal-service's projection", e);
    }
    retry(() -> topics.rewind("appeal-service", "pledge-events"));
    long events = topics.endOffsetSum("pledge-events");
    // Offsets are committed every few seconds, too coarse to time a replay by; the inbox gets one
    // row per event applied, in the event's own transaction.
    AtomicLong firstAt = new AtomicLong();
    AtomicLong firstCount = new AtomicLong();
    AtomicLong doneAt = new AtomicLong();
    AtomicLong applied = new AtomicLong();
    Thread watcher =
        new Thread(
            () -> {
              long deadline = System.nanoTime() + Duration.ofMinutes(120).toNanos();
              long lastChange = System.nanoTime();
              while (System.nanoTime() < deadline) {
                long count = inboxRows();
                long now = System.nanoTime();
                if (count > 0 && firstAt.get() == 0) {
                  firstAt.set(now);
                  firstCount.set(count);
                }
                if (count != applied.get()) {
                  applied.set(count);
                  lastChange = now;
                }
                if (count >= events) {
                  doneAt.set(now);
                  return;
                }
                // a resent event is one offset but no new row: done once all offsets are in
                if (count > 0
                    && now - lastChange > Duration.ofSeconds(3).toNanos()
                    && topics.committedSum("appeal-service", "pledge-events") >= events) {
                  doneAt.set(lastChange);
                  return;
                }
                Benchmark.sleep(Duration.ofMillis(100));
              }
            },
            "replay-watcher");
    watcher.start();
    service.restart(Duration.ofMinutes(3));
    watcher.join();
    double seconds = (doneAt.get() - firstAt.get()) / 1e9;
    long measured = applied.get() - firstCount.get();
    List<String> after = checked.stream().map(this::figures).toList();
    return new Result(
        events,
        seconds,
        doneAt.get() == 0 || seconds <= 0 ? 0 : measured / seconds,
        service.startupTime().toMillis() / 1000.0,
        before.equals(after),
        applied.get()
            + " events applied; rate over the "
            + measured
            + " applied after the first one was seen");
  }

  private long inboxRows() {
    try (var db = platform.postgres().connect("appeal");
        var s = db.createStatement();
        var rows =
            s.executeQuery(
                "select count(*) from inbox_message where consumer = 'appeal-service.pledge-events'")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      return 0;
    }
  }

  private String figures(String appeal) {
    var funding =
        Api.read(
            Api.expect(
                api.call(
                    "GET", api.appealUrl() + "/appeals/" + appeal + "/funding", "finance", null),
                200,
                "funding of " + appeal));
    return funding.path("pledged").toString() + funding.path("committed").toString();
  }

  private interface Attempt {
    void run() throws Exception;
  }

  /** Kafka refuses to rewind a group until its departed member's session is over. */
  private static void retry(Attempt attempt) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        attempt.run();
        return;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Benchmark.sleep(Duration.ofSeconds(1));
      }
    }
  }
}
