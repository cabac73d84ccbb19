package org.jointappeal.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes report.json, report.md and the PNG charts of one run into the report folder. */
final class Report {

  /** Distinct on white: blue, orange, green, red, purple, black, brown, pink, grey. */
  private static final Color[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    Color.BLACK,
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f)
  };

  private Report() {}

  static void write(Results results, Path dir) throws IOException {
    Files.createDirectories(dir);
    Api.JSON
        .writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("report.json").toFile(), results);
    charts(results, dir);
    Files.writeString(dir.resolve("report.md"), markdown(results));
  }

  // ---------------------------------------------------------------- Markdown

  static String markdown(Results r) {
    var md = new StringBuilder();
    md.append("# Benchmark report\n\n")
        .append("Run started ")
        .append(r.startedAt)
        .append(" on ")
        .append(r.machine)
        .append(", mode **")
        .append(r.mode)
        .append("**. Method and meaning of each figure: `docs/performance.md`.\n\n");
    if (r.mode.contains("smoke")) {
      md.append("> Smoke run: short steps and small data; not a measurement.\n\n");
    }
    md.append(
        "## Targets (issues #8, #15, #17, #18)\n\n| what | target | measured | verdict |\n|---|---|---|---|\n");
    r.targets.forEach(
        t ->
            md.append("| ")
                .append(t.what())
                .append(" | ")
                .append(t.target())
                .append(" | ")
                .append(t.measured())
                .append(" | ")
                .append(t.verdict())
                .append(" |\n"));

    md.append("\n## 1. Pledge writes (open loop, latency from intended start)\n\n");
    stepTable(md, r.writeRamp, "req/s");
    if (r.writeAtHalfSaturation != null) {
      md.append("\nAt half the highest throughput:\n\n");
      stepTable(md, List.of(r.writeAtHalfSaturation), "req/s");
    }
    if (r.pledgeRowsBaseline != null) {
      md.append(
          "\nFair baseline, same PostgreSQL server, plain JDBC, the rows of one announcement per"
              + " transaction in a copy of pledge-service's schema:\n\n");
      stepTable(md, List.of(r.pledgeRowsBaseline), "tx/s");
      md.append(
          String.format(
              Locale.ROOT,
              "%nRatio pledges/s : fair baseline tx/s = %.1f : %.0f = **%.1f %%**%n",
              r.maxPledgesPerSecond(),
              r.pledgeRowsBaseline.achievedRate(),
              100 * ratio(r.maxPledgesPerSecond(), r.pledgeRowsBaseline.achievedRate())));
    }
    if (r.jdbcBaseline != null) {
      md.append(
          "\nOld baseline (issue #8), same PostgreSQL server, plain JDBC, one pledge-like + one"
              + " outbox-like row per transaction:\n\n");
      stepTable(md, List.of(r.jdbcBaseline), "tx/s");
      md.append(
          String.format(
              Locale.ROOT,
              "%nRatio pledges/s : old baseline tx/s = %.1f : %.0f = **%.1f %%**%n",
              r.maxPledgesPerSecond(),
              r.jdbcBaseline.achievedRate(),
              100 * ratio(r.maxPledgesPerSecond(), r.jdbcBaseline.achievedRate())));
    }
    if (!r.writeRampCpuMsPerPledge.isEmpty()) {
      md.append("\nCPU per pledge over the ramp (ms of CPU per pledge created, by process):\n\n");
      cpuTable(md, r);
    }
    if (!r.writeRampTwoInstances.isEmpty()) {
      md.append(
          "\nThe same ramp with **two instances of pledge-service** (round robin; same database,"
              + " topics and consumer group):\n\n");
      stepTable(md, r.writeRampTwoInstances, "req/s");
      md.append(
          String.format(
              Locale.ROOT,
              "%nHighest: %.1f pledges/s with two instances, %.1f with one: **%.2f x**%n",
              r.maxPledgesPerSecondTwoInstances(),
              r.maxPledgesPerSecond(),
              ratio(r.maxPledgesPerSecondTwoInstances(), r.maxPledgesPerSecond())));
    }
    if (!r.writeRamp.isEmpty()) {
      md.append("\n![throughput](writes-throughput.png)\n![latency](writes-latency.png)\n");
    }

    md.append("\n## 2. Propagation (commit 200 → funding.changed.v1 read from funding-events)\n\n");
    stepTable(md, r.levels.stream().map(Results.Level::propagation).toList(), "commits/s");
    if (!r.alertPropagation.isEmpty()) {
      md.append("\nTo the alert (coverage over the funding-gap rule's 50 %: alert RESOLVED):\n\n");
      stepTable(md, r.alertPropagation, "samples/s");
    }
    if (r.kafkaBaseline != null) {
      md.append("\nBaseline, same broker:\n\n");
      stepTable(md, List.of(r.kafkaBaseline), "records/s");
    }
    md.append("\n![propagation](propagation.png)\n");

    if (!r.appealSizes.isEmpty()) {
      md.append("\nOne appeal of each size (issue #15), commit 200 → funding.changed.v1:\n\n");
      stepTable(
          md, r.appealSizes.stream().map(Results.AppealSize::propagation).toList(), "commits/s");
    }

    md.append("\n## 3. Funding reads\n\n");
    for (var size : r.appealSizes) {
      md.append(
          String.format(
              Locale.ROOT,
              "%nOne appeal of %d pledges (loaded at %.0f pledges/s):%n%n",
              size.pledges(),
              size.loadPledgesPerSecond()));
      stepTable(md, size.reads(), "req/s");
    }
    for (var level : r.levels) {
      md.append(
          String.format(
              Locale.ROOT, "%n%d pledges over %d appeals:%n%n", level.pledges(), level.appeals()));
      stepTable(md, level.reads(), "req/s");
    }
    md.append("\n![reads](reads.png)\n");

    md.append("\n## 4. Replay of pledge-events into appeal-service\n\n");
    if (r.replay == null) {
      md.append("Not run.\n");
    } else {
      md.append(
          String.format(
              Locale.ROOT,
              "%d events, %.1f s, **%.0f events/s**; appeal-service ready after %.1f s; figures"
                  + " after the replay equal those before: %s. %s%n",
              r.replay.events(),
              r.replay.seconds(),
              r.replay.eventsPerSecond(),
              r.replay.startupSeconds(),
              r.replay.projectionMatches() ? "yes" : "**no**",
              r.replay.note()));
    }

    md.append("\n## 5. Bank statement import (camt.053)\n\n");
    if (r.bankStatement == null) {
      md.append("Not run.\n");
    } else {
      md.append(
          String.format(
              Locale.ROOT,
              "%s: %d entries naming %d pledges, %.2f s. %s %s%n",
              r.bankStatement.status(),
              r.bankStatement.entries(),
              r.bankStatement.pledgesNamed(),
              r.bankStatement.seconds(),
              r.bankStatement.figures().isEmpty() ? "" : r.bankStatement.figures(),
              r.bankStatement.note()));
    }

    md.append("\n## 8. Web console pages (finance officer, demo data)\n\n");
    if (r.consolePages.isEmpty()) {
      md.append("Not run.\n");
    } else {
      stepTable(md, r.consolePages, "req/s");
    }

    md.append(
        "\n## 6. Footprint\n\n| process | startup to ready (s) | idle (MiB) | under load, peak (MiB) |\n|---|---|---|---|\n");
    for (String process : r.idleMib.keySet()) {
      Double startup = r.serviceStartupSeconds.get(process);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %s |%n",
              process,
              startup == null ? "" : String.format(Locale.ROOT, "%.1f", startup),
              r.idleMib.get(process),
              r.underLoadMib.containsKey(process) ? r.underLoadMib.get(process).toString() : ""));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nPostgreSQL, Kafka and Keycloak together started in %.1f s (side by side).%n"
                + "![footprint](footprint.png)%n",
            r.stackStartSeconds));

    md.append(
            "\n## 7. Scaling with data size\n\n| pledges | appeals | load pledges/s | write p50 / p99 ms at ")
        .append(
            "a fixed rate | propagation p50 / p99 ms | reads (plain) p50 / p99 ms |\n|---|---|---|---|---|---|\n");
    for (var l : r.levels) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %.0f | %s | %s | %s |%n",
              l.pledges(),
              l.appeals(),
              l.loadPledgesPerSecond(),
              pair(l.writes()),
              pair(l.propagation()),
              l.reads().isEmpty() ? "" : pair(l.reads().get(0))));
    }
    md.append("\n![scaling](scaling.png)\n");
    if (r.soak != null) {
      soak(md, r.soak);
    }
    if (!r.notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      r.notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    md.append("\nOptions: `").append(r.options).append("`\n");
    return md.toString();
  }

  /** CPU ms per pledge by process: one instance, and two when measured. */
  private static void cpuTable(StringBuilder md, Results r) {
    boolean two = !r.writeRampTwoInstancesCpuMsPerPledge.isEmpty();
    md.append("| process | 1 instance |").append(two ? " 2 instances |" : "").append('\n');
    md.append("|---|---|").append(two ? "---|" : "").append('\n');
    java.util.Set<String> processes = new java.util.LinkedHashSet<>();
    processes.addAll(r.writeRampCpuMsPerPledge.keySet());
    processes.addAll(r.writeRampTwoInstancesCpuMsPerPledge.keySet());
    processes.remove("total");
    processes.add("total");
    for (String p : processes) {
      md.append("| ").append(p).append(" | ").append(ms(r.writeRampCpuMsPerPledge.get(p)));
      if (two) {
        md.append(" | ").append(ms(r.writeRampTwoInstancesCpuMsPerPledge.get(p)));
      }
      md.append(" |\n");
    }
  }

  private static String ms(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
  }

  /** Section 9: the soak's timeline and memory, with its charts. */
  private static void soak(StringBuilder md, Soak.Result soak) {
    md.append(
        String.format(
            Locale.ROOT,
            "%n## 9. Soak: %.0f pledges/s for %.0f min (open loop, latency per %.1f-min interval)%n%n",
            soak.rate(),
            soak.minutes(),
            soak.intervalMinutes()));
    stepTable(md, List.of(soak.total()), "req/s");
    md.append('\n');
    stepTable(md, soak.intervals(), "req/s");
    md.append("\nCPU per pledge during the soak (ms of CPU per pledge created, by process):\n\n");
    md.append("| process | ms |\n|---|---|\n");
    soak.cpuMsPerPledge()
        .forEach((p, ms) -> md.append("| ").append(p).append(" | ").append(ms(ms)).append(" |\n"));
    md.append("\nMemory (MiB): resident (PSS for PostgreSQL and Keycloak) / heap after GC\n\n");
    List<String> processes =
        soak.memory().isEmpty() ? List.of() : List.copyOf(soak.memory().get(0).rssMib().keySet());
    md.append("| minute | ").append(String.join(" | ", processes)).append(" |\n|---|");
    processes.forEach(p -> md.append("---|"));
    md.append('\n');
    for (var sample : soak.memory()) {
      md.append(String.format(Locale.ROOT, "| %.1f |", sample.minute()));
      for (String p : processes) {
        Long heap = sample.heapAfterGcMib().get(p);
        md.append(' ')
            .append(sample.rssMib().getOrDefault(p, 0L))
            .append(heap == null ? "" : " / " + heap)
            .append(" |");
      }
      md.append('\n');
    }
    md.append("\nLive heap (MiB, after a full collection) before and after the soak:\n\n")
        .append("| JVM | before | after | growth |\n|---|---|---|---|\n");
    soak.liveHeapStartMib()
        .forEach(
            (jvm, before) -> {
              Long after = soak.liveHeapEndMib().get(jvm);
              md.append(
                  String.format(
                      Locale.ROOT,
                      "| %s | %d | %s | %s |%n",
                      jvm,
                      before,
                      after == null ? "" : after.toString(),
                      after == null ? "" : Long.toString(after - before)));
            });
    md.append("\n![soak latency](soak-latency.png)\n![soak heap](soak-heap.png)\n")
        .append("![soak resident memory](soak-rss.png)\n");
  }

  private static String pair(Step step) {
    return step == null
        ? ""
        : String.format(
            Locale.ROOT, "%.1f / %.1f @%.0f/s", step.p50Ms(), step.p99Ms(), step.intendedRate());
  }

  static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  private static void stepTable(StringBuilder md, List<Step> steps, String unit) {
    md.append("| step | intended ")
        .append(unit)
        .append(" | achieved ")
        .append(unit)
        .append(" | count | errors | p50 ms | p90 ms | p95 ms | p99 ms | max ms | note |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Step s : steps) {
      if (s == null) {
        continue;
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.1f | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
              s.name(),
              s.intendedRate(),
              s.achievedRate(),
              s.count(),
              s.errors(),
              s.p50Ms(),
              s.p90Ms(),
              s.p95Ms(),
              s.p99Ms(),
              s.maxMs(),
              s.note().replace("|", "/")));
    }
  }

  // ---------------------------------------------------------------- charts

  private static void charts(Results r, Path dir) throws IOException {
    var throughput = new DefaultCategoryDataset();
    var latency = new DefaultCategoryDataset();
    for (Step s : r.writeRamp) {
      String x = String.format(Locale.ROOT, "%.0f", s.intendedRate());
      throughput.addValue(s.achievedRate(), "pledges/s achieved", x);
      if (r.pledgeRowsBaseline != null) {
        throughput.addValue(
            r.pledgeRowsBaseline.achievedRate(), "fair JDBC baseline (pledge rows) tx/s", x);
      }
      if (r.jdbcBaseline != null) {
        throughput.addValue(r.jdbcBaseline.achievedRate(), "old JDBC baseline tx/s", x);
      }
      latency.addValue(atLeast(s.p50Ms()), "p50", x);
      latency.addValue(atLeast(s.p90Ms()), "p90", x);
      latency.addValue(atLeast(s.p99Ms()), "p99", x);
      latency.addValue(atLeast(s.maxMs()), "max", x);
    }
    for (Step s : r.writeRampTwoInstances) {
      String x = String.format(Locale.ROOT, "%.0f", s.intendedRate());
      throughput.addValue(s.achievedRate(), "pledges/s achieved, 2 instances", x);
      latency.addValue(atLeast(s.p99Ms()), "p99, 2 instances", x);
    }
    if (!r.writeRamp.isEmpty()) {
      save(
          line(
              "POST /pledges: throughput by intended rate (log)",
              "intended req/s",
              "per second",
              throughput,
              true),
          dir.resolve("writes-throughput.png"));
      save(
          line(
              "POST /pledges: latency (ms, log) by intended rate",
              "intended req/s",
              "ms",
              latency,
              true),
          dir.resolve("writes-latency.png"));
    }
    if (r.soak != null) {
      soakCharts(r.soak, dir);
    }

    var propagation = new DefaultCategoryDataset();
    for (var l : r.levels) {
      percentiles(propagation, l.propagation(), l.pledges() + " pledges");
    }
    percentiles(propagation, r.kafkaBaseline, "Kafka baseline");
    save(bars("Propagation latency (ms)", "", propagation), dir.resolve("propagation.png"));

    var reads = new DefaultCategoryDataset();
    for (var l : r.levels) {
      for (Step s : l.reads()) {
        String variant = s.name().substring(s.name().indexOf("GET funding") + 11);
        reads.addValue(
            s.p99Ms(), "p99 " + (variant.isEmpty() ? "plain" : variant), l.pledges() + " pledges");
      }
    }
    save(bars("Funding reads: p99 latency (ms) by data size", "", reads), dir.resolve("reads.png"));

    var footprint = new DefaultCategoryDataset();
    r.idleMib.forEach((k, v) -> footprint.addValue(v, "idle", k));
    r.underLoadMib.forEach((k, v) -> footprint.addValue(v, "under load (peak)", k));
    save(bars("Memory (MiB)", "", footprint), dir.resolve("footprint.png"));

    var scaling = new DefaultCategoryDataset();
    for (var l : r.levels) {
      String x = Long.toString(l.pledges());
      if (l.writes() != null) {
        scaling.addValue(l.writes().p99Ms(), "write p99", x);
      }
      if (l.propagation() != null) {
        scaling.addValue(l.propagation().p99Ms(), "propagation p99", x);
      }
      if (!l.reads().isEmpty()) {
        scaling.addValue(l.reads().get(0).p99Ms(), "read p99", x);
      }
    }
    save(
        line("p99 latency (ms) by pledges loaded", "pledges", "ms", scaling, false),
        dir.resolve("scaling.png"));
  }

  /** Latency, heap after GC and resident memory over the soak's minutes. */
  private static void soakCharts(Soak.Result soak, Path dir) throws IOException {
    var p50 = new XYSeries("p50");
    var p99 = new XYSeries("p99");
    for (int i = 0; i < soak.intervals().size(); i++) {
      Step s = soak.intervals().get(i);
      double minute = (i + 0.5) * soak.intervalMinutes();
      p50.add(minute, s.p50Ms());
      p99.add(minute, s.p99Ms());
    }
    var latency = new XYSeriesCollection();
    latency.addSeries(p50);
    latency.addSeries(p99);
    save(
        xy(
            String.format(
                Locale.ROOT, "Soak at %.0f pledges/s: latency per interval (ms)", soak.rate()),
            "ms",
            latency),
        dir.resolve("soak-latency.png"));
    save(
        xy(
            "Soak: heap after GC per JVM (MiB; old generation + survivors)",
            "MiB",
            memorySeries(soak, true)),
        dir.resolve("soak-heap.png"));
    save(
        xy(
            "Soak: resident memory per process (MiB; PSS for PostgreSQL, Keycloak)",
            "MiB",
            memorySeries(soak, false)),
        dir.resolve("soak-rss.png"));
  }

  private static XYSeriesCollection memorySeries(Soak.Result soak, boolean heap) {
    java.util.Map<String, XYSeries> series = new java.util.LinkedHashMap<>();
    for (var sample : soak.memory()) {
      var values = heap ? sample.heapAfterGcMib() : sample.rssMib();
      values.forEach(
          (process, mib) ->
              series.computeIfAbsent(process, XYSeries::new).add(sample.minute(), mib));
    }
    var collection = new XYSeriesCollection();
    series.values().forEach(collection::addSeries);
    return collection;
  }

  private static JFreeChart xy(String title, String y, XYSeriesCollection data) {
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, "minutes", y, data, PlotOrientation.VERTICAL, true, false, false);
    var plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
      plot.getRenderer().setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    return chart;
  }

  private static void percentiles(DefaultCategoryDataset data, Step s, String category) {
    if (s == null) {
      return;
    }
    data.addValue(s.p50Ms(), "p50", category);
    data.addValue(s.p90Ms(), "p90", category);
    data.addValue(s.p99Ms(), "p99", category);
    data.addValue(s.maxMs(), "max", category);
  }

  private static double atLeast(double ms) {
    return Math.max(ms, 0.1); // a log axis has no 0
  }

  private static JFreeChart line(
      String title, String x, String y, DefaultCategoryDataset data, boolean log) {
    JFreeChart chart =
        ChartFactory.createLineChart(
            title, x, y, data, PlotOrientation.VERTICAL, true, false, false);
    var plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    if (log) {
      var axis = new LogarithmicAxis(y);
      axis.setAllowNegativesFlag(false);
      plot.setRangeAxis(axis);
    }
    for (int i = 0; i < data.getRowCount(); i++) {
      plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
      plot.getRenderer().setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    return chart;
  }

  private static JFreeChart bars(String title, String x, DefaultCategoryDataset data) {
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, x, "", data, PlotOrientation.VERTICAL, true, false, false);
    chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
    chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    for (int i = 0; i < data.getRowCount(); i++) {
      chart.getCategoryPlot().getRenderer().setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    return chart;
  }

  private static void save(JFreeChart chart, Path file) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
  }
}
