package org.jointappeal.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointappeal.localstack.DemoData;
import org.jointappeal.localstack.LocalStackConfig;
import org.jointappeal.localstack.Platform;
import org.jointappeal.localstack.ServiceProcess;

/**
 * The benchmark of issue #8: starts PostgreSQL, Kafka, Keycloak and the three packaged services on
 * free ports, loads data through the public APIs, runs each scenario and writes report.md,
 * report.json and PNG charts. Run with {@code deploy/benchmark.sh [--quick] [--name=value ...]};
 * docs/performance.md explains the method and the figures.
 */
public final class Benchmark {

  private Benchmark() {}

  public static void main(String[] args) {
    // clients' threads (Kafka, HTTP) may linger: the run is over once the report is written
    try {
      benchmark(args);
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void benchmark(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Options options = Options.parse(args);
    Results results = new Results();
    results.startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    results.machine =
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ", Java "
            + System.getProperty("java.version");
    results.mode = mode(options);
    results.options = options.toString();
    log("options %s", options);

    Path work = options.workDir();
    // fresh data every run; Keycloak's folder is kept (its realm import is checked by hash)
    deleteRecursively(work.resolve("postgres"));
    deleteRecursively(work.resolve("kafka"));
    long stackStarted = System.nanoTime();
    Platform platform = Platform.startStack(work, Platform.Ports.free());
    // once: at the end, or on Ctrl-C (System.exit runs the hook too)
    var stopped = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            platform.close();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "benchmark-shutdown"));
    try {
      results.stackStartSeconds = seconds(stackStarted);
      platform.startServices(work.resolve("logs"), Duration.ofMinutes(3));
      for (String service : Platform.SERVICES) {
        results.serviceStartupSeconds.put(
            service, platform.service(service).startupTime().toMillis() / 1000.0);
      }
      log(
          "platform ready: stack %.1f s, services %s",
          results.stackStartSeconds, results.serviceStartupSeconds);
      run(platform, options, results);
    } finally {
      Report.write(results, options.reportDir());
      log("report written to %s", options.reportDir().resolve("report.md"));
      stop.run();
    }
  }

  private static void run(Platform platform, Options options, Results results) throws Exception {
    var api =
        new Api(
            platform.service("appeal-service").baseUrl(),
            platform.service("pledge-service").baseUrl(),
            platform.service("notification-service").baseUrl(),
            platform.tokens());
    var footprint = new Footprint(platform);
    sleep(Duration.ofSeconds(5));
    results.idleMib = footprint.now();
    log("idle footprint %s", results.idleMib);

    try (var topics = new Topics(platform.kafka().bootstrapServers())) {
      if (options.statementOnly()) {
        var data = new DataLoader(api, options.loadConcurrency());
        data.loadTo(options.baseAppeals(), 0); // the appeals the payer's pledges are made to
        settle(topics);
        bankStatement(options, results, api, data, topics);
        return;
      }
      if (options.soak() != null) {
        soak(options, results, api, footprint, topics);
        return;
      }
      consolePages(platform, options, results, topics);
      if (options.ledger()) {
        ledger(platform, options, results, api, footprint, topics);
        return;
      }
      var data = new DataLoader(api, options.loadConcurrency());
      var writes = new PledgeWrites(api, data);
      var propagation =
          new Propagation(api, data, platform.kafka().bootstrapServers(), () -> settle(topics));
      var reads = new FundingReads(api, data);
      var alerts = new AlertPropagation(api, data);
      double fixedRate = options.writeRates().get(0);

      for (int i = 0; i < options.scales().size(); i++) {
        int scale = options.scales().get(i);
        long pledges = (long) options.basePledges() * scale;
        int appeals = options.baseAppeals() * scale;
        log("loading to %d pledges over %d appeals", pledges, appeals);
        double loadRate = data.loadTo(appeals, pledges);
        settle(topics);
        log("loaded at %.0f pledges/s", loadRate);

        Step writeStep;
        if (i == 0) {
          writes.at("warm-up", options.writeRates().get(0), options.warmup());
          settle(topics);
          footprint.startPeak();
          var cpuBefore = footprint.cpuSeconds(Map.of());
          results.writeRamp = writes.ramp(options.writeRates(), options.stepDuration());
          results.writeRampCpuMsPerPledge =
              Footprint.cpuMsPer(
                  cpuBefore, footprint.cpuSeconds(Map.of()), Results.created(results.writeRamp));
          log("CPU ms per pledge over the ramp %s", results.writeRampCpuMsPerPledge);
          results.underLoadMib = footprint.stopPeak();
          log("footprint under load %s", results.underLoadMib);
          fixedRate = Math.max(1, Math.floor(results.maxPledgesPerSecond() / 2));
          settle(topics);
          results.writeAtHalfSaturation =
              writes.at(
                  "POST /pledges @" + (int) fixedRate + "/s (half)",
                  fixedRate,
                  options.stepDuration());
          log("%s", results.writeAtHalfSaturation);
          settle(topics);
          results.jdbcBaseline =
              PledgeWrites.jdbcBaseline(
                  platform.postgres(), options.baselineThreads(), options.stepDuration());
          log("%s", results.jdbcBaseline);
          results.pledgeRowsBaseline = pledgeRowsBaseline(platform, options, results);
          log("%s", results.pledgeRowsBaseline);
          if (options.twoInstances()) {
            settle(topics);
            twoInstances(platform, options, results, writes, footprint, topics);
          }
          writeStep = results.writeAtHalfSaturation;
        } else {
          writeStep =
              writes.at(
                  "POST /pledges @" + (int) fixedRate + "/s", fixedRate, options.stepDuration());
          log("%s", writeStep);
        }
        settle(topics);
        Step propagated =
            propagation.run("L" + scale, options.propagationRate(), options.propagationDuration());
        log("%s", propagated);
        if (options.alertSamples() > 0) {
          Step alerted = alerts.run("L" + scale, options.alertSamples());
          log("%s", alerted);
          results.alertPropagation.add(alerted);
        }
        if (i == 0) {
          results.kafkaBaseline =
              propagation.kafkaBaseline(
                  topics, options.propagationRate(), options.propagationDuration());
          log("%s", results.kafkaBaseline);
        }
        settle(topics);
        List<Step> readSteps = reads.run("L" + scale, options.readRate(), options.readDuration());
        results.levels.add(
            new Results.Level(
                scale,
                data.pledges(),
                data.appeals().size(),
                loadRate,
                writeStep,
                propagated,
                readSteps));
      }

      bankStatement(options, results, api, data, topics);

      if (options.replay()) {
        settle(topics);
        results.replay = new Replay(platform, api, topics).run(data.appeals());
        log("replay %s", results.replay);
      }
    } finally {
      targets(results);
    }
  }

  /** Scenario 5, the camt.053 import; a failure is reported, and what follows still runs. */
  private static void bankStatement(
      Options options, Results results, Api api, DataLoader data, Topics topics) {
    try {
      results.bankStatement =
          new BankStatementImport(api, data, options.loadConcurrency())
              .run(options.statementEntries(), () -> settle(topics));
    } catch (RuntimeException e) {
      results.bankStatement =
          new BankStatementImport.Result(
              "failed", options.statementEntries(), 0, 0, Map.of(), e.toString());
    }
    log("bank statement %s", results.bankStatement);
  }

  private static String mode(Options options) {
    if (options.soak() != null) {
      boolean smoke = options.soak().compareTo(Duration.ofMinutes(10)) < 0;
      return "soak of "
          + options.soak().toMinutes()
          + " min"
          + (smoke ? " (smoke run: too short to show a trend)" : "");
    }
    return options.quick() ? "quick (smoke run)" : "full";
  }

  /**
   * The fair baseline, in the same run: the rows of the newest announcement, written by plain JDBC
   * in a copy of pledge-service's schema (its migrations, from the checkout under test).
   */
  private static Step pledgeRowsBaseline(Platform platform, Options options, Results results) {
    try {
      return PledgeRowsBaseline.run(
          platform.postgres(),
          LocalStackConfig.load()
              .repoRoot()
              .resolve("pledge-service/src/main/resources/db/migration"),
          options.baselineThreads(),
          options.stepDuration());
    } catch (RuntimeException e) {
      results.notes.add("the pledge-rows baseline did not run: " + e);
      log("the pledge-rows baseline did not run: %s", e);
      return null;
    }
  }

  /**
   * The write ramp again with a second instance of pledge-service (same database, same topics and
   * consumer group, as an operator scales out), requests spread round robin over both; the second
   * instance is stopped afterwards, so the later scenarios see the platform as before.
   */
  private static void twoInstances(
      Platform platform,
      Options options,
      Results results,
      PledgeWrites writes,
      Footprint footprint,
      Topics topics) {
    ServiceProcess second;
    try {
      second =
          platform.startExtraInstance(
              "pledge-service", options.workDir().resolve("logs"), Duration.ofMinutes(3));
    } catch (RuntimeException e) {
      results.notes.add("no second pledge-service instance, its ramp was not run: " + e);
      log("no second pledge-service instance: %s", e);
      return;
    }
    try {
      List<String> both = List.of(platform.service("pledge-service").baseUrl(), second.baseUrl());
      // the new JVM is cold: warm it up (and the first again) at half the single instance's best
      double warmRate = Math.max(options.writeRates().get(0), results.maxPledgesPerSecond() / 2);
      writes.at("warm-up (2 instances)", warmRate, options.warmup(), both);
      settle(topics);
      Map<String, ProcessHandle> extra =
          second.processHandle().map(h -> Map.of("pledge-service-2", h)).orElse(Map.of());
      var cpuBefore = footprint.cpuSeconds(extra);
      results.writeRampTwoInstances =
          writes.ramp(options.writeRates(), options.stepDuration(), both, " (2 instances)");
      results.writeRampTwoInstancesCpuMsPerPledge =
          Footprint.cpuMsPer(
              cpuBefore,
              footprint.cpuSeconds(extra),
              Results.created(results.writeRampTwoInstances));
      log(
          "two instances: highest %.1f pledges/s (one: %.1f); CPU ms per pledge %s",
          results.maxPledgesPerSecondTwoInstances(),
          results.maxPledgesPerSecond(),
          results.writeRampTwoInstancesCpuMsPerPledge);
    } finally {
      second.close();
    }
    settle(topics);
  }

  /**
   * The soak ({@code --soak=60m}): the base data, a warm-up, the write ramp to find the highest
   * rate (unless {@code soak-rate} names the rate), then steady writes at half of it for the soak's
   * length, latency and memory sampled over time.
   */
  private static void soak(
      Options options, Results results, Api api, Footprint footprint, Topics topics) {
    var data = new DataLoader(api, options.loadConcurrency());
    log("loading %d pledges over %d appeals", options.basePledges(), options.baseAppeals());
    double loadRate = data.loadTo(options.baseAppeals(), options.basePledges());
    settle(topics);
    var writes = new PledgeWrites(api, data);
    writes.at("warm-up", options.writeRates().get(0), options.warmup());
    settle(topics);
    double rate = options.soakRate();
    if (rate <= 0) {
      results.writeRamp = writes.ramp(options.writeRates(), options.stepDuration());
      rate = Math.max(1, Math.floor(results.maxPledgesPerSecond() / 2));
    }
    log("soak at %.0f pledges/s for %s", rate, options.soak());
    results.soak =
        new Soak(writes, footprint, () -> settle(topics))
            .run(rate, options.soak(), options.soakInterval());
    log("%s", results.soak.total());
    results.notes.add(
        String.format(
            Locale.ROOT,
            "soak data: %d pledges over %d appeals at the end (base loaded at %.0f pledges/s)",
            data.pledges(),
            data.appeals().size(),
            loadRate));
  }

  /**
   * Scenario 8: the console's pages on the demo data (the 1997 CIS appeal of deploy/run.sh), before
   * the benchmark's own data. Skipped when the console is not built.
   */
  private static void consolePages(
      Platform platform, Options options, Results results, Topics topics) {
    if (!platform.isRunning(Platform.CONSOLE)) {
      results.notes.add("web-console not built: its pages were not measured");
      return;
    }
    try {
      new DemoData(
              platform.service("appeal-service").baseUrl(),
              platform.service("pledge-service").baseUrl(),
              platform.tokens())
          .loadIfAbsent();
      settle(topics);
      results.consolePages =
          new ConsolePages(platform.service(Platform.CONSOLE).baseUrl())
              .run(
                  "finance",
                  DemoData.APPEAL,
                  options.pageRate(),
                  options.readDuration(),
                  options.warmup());
    } catch (Exception e) {
      results.notes.add("console pages not measured: " + e);
      log("console pages not measured: %s", e);
    }
  }

  /**
   * The funding ledger's scenarios (issue #15, {@code --ledger}): for each of {@code appeal-sizes},
   * one appeal of that many pledges (a quarter committed), propagation of commitments on it alone
   * and reads of it alone; then the data grown by the largest of {@code scales} times the base over
   * that many appeals (the footprint's peak is taken while it loads), reads over those appeals, and
   * the replay.
   */
  private static void ledger(
      Platform platform,
      Options options,
      Results results,
      Api api,
      Footprint footprint,
      Topics topics)
      throws Exception {
    var data = new DataLoader(api, options.loadConcurrency());
    var propagation =
        new Propagation(api, data, platform.kafka().bootstrapServers(), () -> settle(topics));
    var reads = new FundingReads(api, data);
    // Unmeasured, as the write ramp's warm-up: otherwise the first size's propagation also times
    // the JIT compiling the path in the services just started (docs/performance.md, 2b).
    String warm = data.newAppeal("W");
    log(
        "warm-up, not reported: %s",
        propagation.runOn("warm-up", List.of(warm), options.propagationRate(), options.warmup()));
    settle(topics);
    for (int size : options.appealSizes()) {
      String appeal = data.newAppeal("S" + size);
      log("loading %d pledges into appeal %s", size, appeal);
      double loadRate = data.loadInto(appeal, size);
      settle(topics);
      Step propagated =
          propagation.runOn(
              "N" + size,
              List.of(appeal),
              options.propagationRate(),
              options.propagationDuration());
      log("%s", propagated);
      settle(topics);
      List<Step> readSteps =
          reads.run("N" + size, options.readRate(), options.readDuration(), List.of(appeal));
      results.appealSizes.add(
          new Results.AppealSize(size, appeal, loadRate, propagated, readSteps));
    }
    int scale = options.scales().stream().mapToInt(Integer::intValue).max().orElse(1);
    long pledges = data.pledges() + (long) options.basePledges() * scale;
    int appeals = options.baseAppeals() * scale;
    log("loading to %d pledges over %d appeals", pledges, appeals);
    footprint.startPeak();
    double loadRate = data.loadTo(appeals, pledges);
    results.underLoadMib = footprint.stopPeak();
    log("loaded at %.0f pledges/s; footprint under load %s", loadRate, results.underLoadMib);
    settle(topics);
    List<Step> readSteps = reads.run("L" + scale, options.readRate(), options.readDuration());
    results.levels.add(
        new Results.Level(
            scale, data.pledges(), data.appeals().size(), loadRate, null, null, readSteps));
    if (options.replay()) {
      settle(topics);
      results.replay = new Replay(platform, api, topics).run(data.appeals());
      log("replay %s", results.replay);
    }
  }

  /** Waits until every consumer has caught up, so that one scenario's backlog is not the next's. */
  private static void settle(Topics topics) {
    boolean pledges =
        topics.awaitCaughtUp("appeal-service", "pledge-events", Duration.ofMinutes(60));
    boolean funding =
        topics.awaitCaughtUp("notification-service", "funding-events", Duration.ofMinutes(60));
    // notification-service reads pledge-events too (overdue instalments, its pledge states): after
    // a bulk load it was still working through them while the next scenario was measured
    boolean notified =
        topics.awaitCaughtUp("notification-service", "pledge-events", Duration.ofMinutes(60));
    if (!pledges || !funding || !notified) {
      log("consumers still behind after 60 minutes; going on");
    }
  }

  static void targets(Results r) {
    String smoke = r.mode.contains("smoke") ? " (smoke)" : "";
    if (!r.writeRamp.isEmpty()) {
      boolean saturated = r.writeRamp.get(r.writeRamp.size() - 1).saturated();
      if (!saturated) {
        r.notes.add(
            "The write ramp ended before saturation: the highest pledges/s is a lower bound;"
                + " give higher --write-rates.");
      }
      if (r.pledgeRowsBaseline != null) {
        double ratio = Report.ratio(r.maxPledgesPerSecond(), r.pledgeRowsBaseline.achievedRate());
        String verdict =
            ratio >= 0.5 ? "pass" : saturated ? "miss" : "inconclusive (not saturated)";
        r.targets.add(
            new Results.Target(
                "pledge writes vs fair JDBC baseline (the rows of a pledge)",
                ">= 50 % of baseline tx/s",
                pct(ratio)
                    + " ("
                    + f0(r.maxPledgesPerSecond())
                    + " : "
                    + f0(r.pledgeRowsBaseline.achievedRate())
                    + ")",
                verdict + smoke));
      }
      if (r.jdbcBaseline != null) {
        double ratio = Report.ratio(r.maxPledgesPerSecond(), r.jdbcBaseline.achievedRate());
        r.targets.add(
            new Results.Target(
                "pledge writes vs old JDBC baseline (2 rows per transaction)",
                "none (issue #8's, kept for comparison)",
                pct(ratio)
                    + " ("
                    + f0(r.maxPledgesPerSecond())
                    + " : "
                    + f0(r.jdbcBaseline.achievedRate())
                    + ")",
                "-"));
      }
    }
    if (!r.writeRampTwoInstances.isEmpty()) {
      r.targets.add(
          new Results.Target(
              "highest pledge writes, 2 instances of pledge-service : 1",
              "none (the scaling on one machine)",
              String.format(
                  Locale.ROOT,
                  "%.2f (%s : %s pledges/s)",
                  Report.ratio(r.maxPledgesPerSecondTwoInstances(), r.maxPledgesPerSecond()),
                  f0(r.maxPledgesPerSecondTwoInstances()),
                  f0(r.maxPledgesPerSecond())),
              "-"));
    }
    if (r.soak != null) {
      soakTargets(r, smoke);
    }
    if (r.writeAtHalfSaturation != null) {
      target(
          r,
          "pledge write p99 at half the highest throughput",
          "<= 50 ms",
          f1(r.writeAtHalfSaturation.p99Ms())
              + " ms @"
              + f0(r.writeAtHalfSaturation.intendedRate())
              + "/s",
          r.writeAtHalfSaturation.p99Ms() <= 50 && r.writeAtHalfSaturation.errors() == 0,
          smoke);
    }
    if (!r.appealSizes.isEmpty()) {
      ledgerTargets(r, smoke);
    }
    if (r.bankStatement != null && r.bankStatement.entries() >= 10_000) {
      target(
          r,
          "camt.053 import of " + r.bankStatement.entries() + " entries, request to imported",
          "<= 15 s",
          r.bankStatement.status().equals("measured")
              ? f1(r.bankStatement.seconds()) + " s"
              : "failed",
          r.bankStatement.status().equals("measured") && r.bankStatement.seconds() <= 15,
          smoke);
    }
    if (!r.consolePages.isEmpty()) {
      Step worst =
          r.consolePages.stream().max(Comparator.comparingDouble(Step::p95Ms)).orElseThrow();
      target(
          r,
          "console home and appeal page p95 (worst), demo data",
          "<= 200 ms",
          f1(worst.p95Ms()) + " ms (" + worst.name() + ")",
          worst.p95Ms() <= 200 && worst.errors() == 0,
          smoke);
    }
    if (!r.levels.isEmpty() && r.levels.get(0).propagation() != null) {
      Step p = r.levels.get(0).propagation();
      target(
          r,
          "propagation p99",
          "<= 100 ms",
          f1(p.p99Ms()) + " ms",
          p.p99Ms() <= 100 && p.errors() == 0,
          smoke);
    }
    if (!r.levels.isEmpty()) {
      var largest = r.levels.get(r.levels.size() - 1);
      Step worst =
          largest.reads().stream().max(Comparator.comparingDouble(Step::p99Ms)).orElse(null);
      if (worst != null) {
        String size =
            largest.pledges() >= 100_000 ? "" : " (at " + largest.pledges() + " pledges, not 100k)";
        target(
            r,
            "funding read p99 at 100k pledges (worst of plain, groupBy, asOf)",
            "<= 10 ms",
            f1(worst.p99Ms()) + " ms" + size,
            worst.p99Ms() <= 10 && worst.errors() == 0,
            smoke + (size.isEmpty() ? "" : " (indicative)"));
      }
    }
    if (r.replay != null) {
      target(
          r,
          "replay",
          ">= 20,000 events/s",
          f0(r.replay.eventsPerSecond()) + " events/s",
          r.replay.eventsPerSecond() >= 20_000 && r.replay.projectionMatches(),
          smoke);
    }
    if (r.underLoadMib.containsKey("total")) {
      long mib = r.underLoadMib.get("total");
      target(
          r,
          "memory of the platform's processes under load",
          "<= 2.5 GB (2,384 MiB)",
          mib + " MiB (idle " + r.idleMib.get("total") + " MiB)",
          mib * 1024L * 1024L <= 2_500_000_000L,
          smoke);
    }
  }

  /**
   * Issue #18's soak: the p99 flat (the last third's median interval p99 at most 1.25 times the
   * first third's) and no growth of any JVM's live heap (after a full collection) beyond 10 %, or 8
   * MiB on a small heap, from the start to the end.
   */
  private static void soakTargets(Results r, String smoke) {
    double drift = Soak.p99Drift(r.soak);
    target(
        r,
        "soak: p99 flat (median interval p99, last third : first third)",
        "<= 1.25",
        Double.isNaN(drift)
            ? "fewer than 3 intervals"
            : String.format(
                Locale.ROOT,
                "%.2f (whole soak p99 %.1f ms @%.0f/s)",
                drift,
                r.soak.total().p99Ms(),
                r.soak.rate()),
        !Double.isNaN(drift) && drift <= 1.25 && r.soak.total().errors() == 0,
        smoke);
    String worst = null;
    long worstGrowth = Long.MIN_VALUE;
    boolean met = !r.soak.liveHeapEndMib().isEmpty();
    for (var end : r.soak.liveHeapEndMib().entrySet()) {
      Long start = r.soak.liveHeapStartMib().get(end.getKey());
      if (start == null) {
        continue;
      }
      long growth = end.getValue() - start;
      met &= growth <= Math.max(8, start / 10);
      if (growth > worstGrowth) {
        worstGrowth = growth;
        worst = end.getKey() + " " + start + " -> " + end.getValue() + " MiB";
      }
    }
    target(
        r,
        "soak: live heap (after a full GC) growth, worst JVM",
        "<= 10 % (at least 8 MiB)",
        worst == null ? "not available" : worst,
        met && worst != null,
        smoke);
  }

  /** Issue #15: propagation flat in the appeal's size, reads of a large appeal. */
  private static void ledgerTargets(Results r, String smoke) {
    for (var size : r.appealSizes) {
      target(
          r,
          "propagation p99, one appeal of " + size.pledges() + " pledges",
          "<= 100 ms",
          f1(size.propagation().p99Ms()) + " ms",
          size.propagation().p99Ms() <= 100 && size.propagation().errors() == 0,
          smoke);
    }
    var smallest = r.appealSizes.get(0).propagation();
    var largest = r.appealSizes.get(r.appealSizes.size() - 1);
    double growth = Report.ratio(largest.propagation().p99Ms(), smallest.p99Ms());
    target(
        r,
        "propagation p99, largest appeal : smallest",
        "<= 1.5",
        String.format(Locale.ROOT, "%.2f", growth),
        growth <= 1.5,
        smoke);
    Step worst = largest.reads().stream().max(Comparator.comparingDouble(Step::p99Ms)).orElse(null);
    if (worst != null) {
      target(
          r,
          "funding read p99, one appeal of "
              + largest.pledges()
              + " pledges (worst of plain, groupBy, asOf)",
          "<= 10 ms",
          f1(worst.p99Ms()) + " ms",
          worst.p99Ms() <= 10 && worst.errors() == 0,
          smoke);
    }
  }

  private static void target(
      Results r, String what, String target, String measured, boolean met, String suffix) {
    r.targets.add(new Results.Target(what, target, measured, (met ? "pass" : "miss") + suffix));
  }

  private static String pct(double ratio) {
    return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }

  private static String f0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static void log(String format, Object... args) {
    System.out.println(
        LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
            + " "
            + String.format(Locale.ROOT, format, args));
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
