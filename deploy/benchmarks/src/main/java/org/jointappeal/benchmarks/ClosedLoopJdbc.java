package org.jointappeal.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The JDBC baselines' loop: {@code threads} connections of the scratch database, each running one
 * transaction after another (closed loop) until the time is up, every transaction timed; a failed
 * one is rolled back and counted as an error.
 */
final class ClosedLoopJdbc {

  /** What a connection prepares once, e.g. its statements. */
  interface Prepare<S> {
    S on(Connection connection) throws SQLException;
  }

  /** One transaction's work with what was prepared; the loop commits it. */
  interface Transaction<S> {
    void run(S prepared) throws SQLException;
  }

  private ClosedLoopJdbc() {}

  static <S> Step run(
      String name,
      String url,
      int threads,
      Duration duration,
      Prepare<S> prepare,
      Transaction<S> transaction) {
    Histogram micros = new ConcurrentHistogram(3_600_000_000L, 3);
    AtomicLong errors = new AtomicLong();
    long started = System.nanoTime();
    long end = started + duration.toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try (Connection c = DriverManager.getConnection(url, "benchmark", "benchmark")) {
                  c.setAutoCommit(false);
                  S prepared = prepare.on(c);
                  while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                      transaction.run(prepared);
                      c.commit();
                    } catch (SQLException e) {
                      errors.incrementAndGet();
                      c.rollback();
                    }
                    micros.recordValue((System.nanoTime() - t0) / 1000);
                  }
                } catch (SQLException e) {
                  errors.incrementAndGet();
                }
              },
              name + "-" + t);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double txPerSecond = (micros.getTotalCount() - errors.get()) / seconds;
    return Step.of(name, 0, txPerSecond, errors.get(), micros);
  }
}
