package org.jointappeal.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What to run and how hard: every value can be given as {@code --name=value} on the command line or
 * as the system property {@code -Dbench.name=value}; {@code --quick} picks small defaults for a
 * smoke run of a few minutes.
 */
public record Options(
    boolean quick,
    Path reportDir,
    Path workDir,
    Duration warmup,
    Duration stepDuration,
    List<Double> writeRates,
    int baselineThreads,
    double propagationRate,
    Duration propagationDuration,
    int alertSamples,
    double readRate,
    Duration readDuration,
    int basePledges,
    int baseAppeals,
    List<Integer> scales,
    int loadConcurrency,
    int statementEntries,
    boolean replay,
    boolean ledger,
    boolean statementOnly,
    List<Integer> appealSizes,
    double pageRate,
    boolean twoInstances,
    Duration soak,
    double soakRate,
    Duration soakInterval) {

  /**
   * Full-run defaults (a quiet 2-core machine: about 35 minutes, a third of it loading data). With
   * {@code --ledger} only the funding ledger's scenarios run (issue #15): propagation and reads on
   * one appeal of each of {@code appeal-sizes} pledges, reads at the largest of {@code scales}, and
   * the replay. With {@code --statement-only} only the bank statement import runs (its payer's
   * pledges loaded first, over {@code base-appeals} appeals). With {@code --soak=60m} only the soak
   * runs (issue #18): the base data, the write ramp (unless {@code soak-rate} is given), then
   * steady writes at half the highest rate for that long, latency and memory sampled every {@code
   * soak-interval}.
   */
  public static Options parse(String[] args) {
    boolean quick = Arrays.asList(args).contains("--quick") || Boolean.getBoolean("bench.quick");
    var o = new Args(args);
    String soakText = o.get("soak", "");
    Duration soak = soakText.isBlank() ? null : duration(soakText);
    return new Options(
        quick,
        Path.of(o.get("report-dir", "deploy/benchmarks/target/report")).toAbsolutePath(),
        Path.of(o.get("work-dir", "deploy/benchmarks/target/work")).toAbsolutePath(),
        Duration.ofSeconds(o.integer("warmup-seconds", quick ? 2 : 15)),
        Duration.ofSeconds(o.integer("step-seconds", quick ? 3 : 20)),
        o.doubles("write-rates", quick ? "5,10,20" : "10,20,40,80,160,320,640"),
        o.integer("baseline-threads", quick ? 4 : 16),
        o.decimal("propagation-rate", quick ? 4 : 20),
        Duration.ofSeconds(o.integer("propagation-seconds", quick ? 3 : 30)),
        o.integer("alert-samples", quick ? 3 : 20),
        o.decimal("read-rate", quick ? 10 : 100),
        Duration.ofSeconds(o.integer("read-seconds", quick ? 3 : 30)),
        o.integer("base-pledges", quick ? 40 : 1000),
        o.integer("base-appeals", quick ? 4 : 10),
        o.doubles("scales", quick ? "1,10" : "1,10,100").stream().map(Double::intValue).toList(),
        o.integer("load-concurrency", quick ? 4 : 16),
        o.integer("statement-entries", quick ? 100 : 10_000),
        Boolean.parseBoolean(o.get("replay", "true")),
        Arrays.asList(args).contains("--ledger") || Boolean.getBoolean("bench.ledger"),
        Arrays.asList(args).contains("--statement-only")
            || Boolean.getBoolean("bench.statement-only"),
        o.doubles("appeal-sizes", quick ? "20,100" : "100,1000,10000").stream()
            .map(Double::intValue)
            .toList(),
        o.decimal("page-rate", quick ? 5 : 20),
        Boolean.parseBoolean(o.get("two-instances", "true")),
        soak,
        o.decimal("soak-rate", 0),
        Duration.ofSeconds(
            o.integer(
                "soak-interval-seconds",
                soak != null && soak.compareTo(Duration.ofMinutes(10)) < 0 ? 10 : 60)));
  }

  /** {@code 60m}, {@code 2m}, {@code 90s}, {@code 1h}: a soak's length. */
  static Duration duration(String text) {
    var matcher = java.util.regex.Pattern.compile("(\\d+)([smh])").matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("a duration is a number and s, m or h: " + text);
    }
    long n = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private record Args(String[] args) {
    String get(String name, String fallback) {
      for (String arg : args) {
        if (arg.startsWith("--" + name + "=")) {
          return arg.substring(name.length() + 3);
        }
      }
      return System.getProperty("bench." + name, fallback);
    }

    int integer(String name, int fallback) {
      return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    double decimal(String name, double fallback) {
      return Double.parseDouble(get(name, Double.toString(fallback)));
    }

    List<Double> doubles(String name, String fallback) {
      return Arrays.stream(get(name, fallback).split(",")).map(Double::parseDouble).toList();
    }
  }
}
