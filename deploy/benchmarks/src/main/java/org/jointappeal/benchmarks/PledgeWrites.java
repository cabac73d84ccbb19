package org.jointappeal.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jointappeal.localstack.PostgresServer;

/**
 * Scenario 1: {@code POST /pledges} (a finance officer announcing for a donor, with an
 * Idempotency-Key) under open-loop load at rising rates until saturation, and the same PostgreSQL
 * server doing the bare minimum of that work over plain JDBC as the baseline.
 */
final class PledgeWrites {

  private final Api api;
  private final DataLoader data;

  PledgeWrites(Api api, DataLoader data) {
    this.api = api;
    this.data = data;
  }

  /** Open-loop {@code POST /pledges} at one rate over the loaded appeals. */
  Step at(String name, double rate, Duration duration) {
    return at(name, rate, duration, List.of(api.pledgeUrl()));
  }

  /**
   * As {@link #at(String, double, Duration)}, the requests spread round robin over the given
   * instances of pledge-service (base URLs), as a load balancer in front of them would.
   */
  Step at(String name, double rate, Duration duration, List<String> instances) {
    Step step = OpenLoop.run(name, rate, duration, request(instances), status -> status == 201);
    data.countCreated(step.count() - step.errors());
    return step;
  }

  /**
   * Steady writes at one rate, latency kept per {@code interval} as well (the soak): the intervals
   * are steps of their own, by the intended send time of their requests.
   */
  OpenLoop.Timeline steady(String name, double rate, Duration duration, Duration interval) {
    var timeline =
        OpenLoop.run(
            name,
            rate,
            duration,
            interval,
            request(List.of(api.pledgeUrl())),
            status -> status == 201);
    data.countCreated(timeline.total().count() - timeline.total().errors());
    return timeline;
  }

  private Supplier<CompletableFuture<Integer>> request(List<String> instances) {
    List<String> appeals = data.appeals();
    AtomicLong next = new AtomicLong();
    return () -> {
      var random = ThreadLocalRandom.current();
      String appeal = appeals.get(random.nextInt(appeals.size()));
      String donor = Api.DONORS[random.nextInt(Api.DONORS.length)];
      String instance = instances.get((int) (next.getAndIncrement() % instances.size()));
      return api.create(instance + "/pledges", "finance", Api.pledge(appeal, donor, "250.00"))
          .thenApply(r -> r.statusCode());
    };
  }

  /** Rising rates until one step saturates; the last step is the highest rate attempted. */
  List<Step> ramp(List<Double> rates, Duration stepDuration) {
    return ramp(rates, stepDuration, List.of(api.pledgeUrl()), "");
  }

  /**
   * As {@link #ramp(List, Duration)} over the given instances of pledge-service; {@code label}
   * tells the steps apart in the report (e.g. "2 instances").
   */
  List<Step> ramp(List<Double> rates, Duration stepDuration, List<String> instances, String label) {
    List<Step> steps = new ArrayList<>();
    for (double rate : rates) {
      Step step = at("POST /pledges @" + (int) rate + "/s" + label, rate, stepDuration, instances);
      Benchmark.log("%s", step);
      steps.add(step);
      if (step.saturated()) {
        break;
      }
    }
    return steps;
  }

  /**
   * The old baseline, kept for comparison with earlier runs: {@code threads} connections each
   * running transactions of one pledge-like row and one outbox-like row (the least any
   * transactional outbox must write), as fast as they can, in a scratch database of the same
   * PostgreSQL server. {@link PledgeRowsBaseline} is the fair one: the rows a pledge really writes.
   */
  static Step jdbcBaseline(PostgresServer postgres, int threads, Duration duration) {
    postgres.ensureDatabase("benchmark", "benchmark", "benchmark"); // local scratch database
    String url = postgres.jdbcUrl("benchmark");
    try (Connection c = DriverManager.getConnection(url, "benchmark", "benchmark");
        var s = c.createStatement()) {
      s.execute("drop table if exists pledge_like, outbox_like");
      s.execute(
          """
          create table pledge_like (id uuid primary key, appeal_code varchar(32) not null,
            donor_code char(3) not null, amount numeric(19,4) not null, currency char(3) not null,
            status varchar(20) not null, announced_on date not null, version bigint not null,
            created_at timestamptz not null)""");
      s.execute(
          """
          create table outbox_like (seq bigserial primary key, id uuid not null unique,
            record_key varchar(32) not null, type varchar(100) not null, payload text not null,
            recorded_at timestamptz not null, sent_at timestamptz)""");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the baseline tables", e);
    }
    String payload = "x".repeat(900); // about the size of a pledge.announced.v1 value
    return ClosedLoopJdbc.run(
            "JDBC baseline, " + threads + " connections",
            url,
            threads,
            duration,
            c ->
                List.of(
                    c.prepareStatement(
                        "insert into pledge_like values (?, 'B-APPEAL', 'NOR', 250.00,"
                            + " 'USD', 'ANNOUNCED', date '1997-07-02', 0, now())"),
                    c.prepareStatement(
                        "insert into outbox_like (id, record_key, type, payload,"
                            + " recorded_at) values (?, 'B-APPEAL',"
                            + " 'org.jointappeal.pledge.announced.v1', ?, now())")),
            statements -> {
              PreparedStatement pledge = statements.get(0);
              PreparedStatement outbox = statements.get(1);
              pledge.setObject(1, UUID.randomUUID());
              pledge.executeUpdate();
              outbox.setObject(1, UUID.randomUUID());
              outbox.setString(2, payload);
              outbox.executeUpdate();
            })
        .withNote("closed loop: each connection starts its next transaction when one commits");
  }
}
