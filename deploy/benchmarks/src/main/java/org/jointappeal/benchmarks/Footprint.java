package org.jointappeal.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jointappeal.localstack.Platform;

/**
 * Scenario 6: memory of the six processes (seven with the web console), read from /proc. A JVM
 * counts its VmRSS. PostgreSQL is a postmaster and one process per connection that all map the same
 * shared buffers, so their VmRSS added up would count those buffers many times: it counts the sum
 * of their Pss (proportional set size: shared pages divided among the processes sharing them)
 * instead, and Keycloak (kc.sh and its JVM) the same way.
 */
final class Footprint {

  private final Platform platform;
  private final Map<String, Long> peak = new ConcurrentHashMap<>();
  private final AtomicBoolean sampling = new AtomicBoolean();
  private Thread sampler;

  Footprint(Platform platform) {
    this.platform = platform;
  }

  /** MiB per process now, in a stable order, plus "total". */
  Map<String, Long> now() {
    Map<String, Long> mib = new LinkedHashMap<>();
    mib.put("postgresql", pss(postgresProcesses()));
    mib.put("kafka", platform.kafka().processHandles().stream().mapToLong(h -> rss(h.pid())).sum());
    mib.put("keycloak", pss(platform.keycloak().processTree()));
    for (String service : Platform.SERVICES) {
      mib.put(service, platform.service(service).processHandle().map(h -> rss(h.pid())).orElse(0L));
    }
    if (platform.isRunning(Platform.CONSOLE)) {
      mib.put(
          Platform.CONSOLE,
          platform.service(Platform.CONSOLE).processHandle().map(h -> rss(h.pid())).orElse(0L));
    }
    mib.put("total", mib.values().stream().mapToLong(Long::longValue).sum());
    return mib;
  }

  /**
   * MiB of heap each JVM's last collection left (old generation and survivors in use, see {@link
   * JvmHeap}), in the order of {@link #now()}; a JVM whose counters cannot be read is left out.
   */
  Map<String, Long> heapAfterGc() {
    Map<String, Long> mib = new LinkedHashMap<>();
    jvms().forEach((name, pid) -> JvmHeap.afterGc(pid).ifPresent(b -> mib.put(name, b >> 20)));
    return mib;
  }

  /**
   * Runs a full collection in every JVM, one after another, and returns the heap each has in use
   * afterwards (MiB): the live heap. It pauses each process, so it is never done while measuring.
   */
  Map<String, Long> heapAfterFullGc() {
    Map<String, Long> mib = new LinkedHashMap<>();
    jvms().forEach((name, pid) -> JvmHeap.collect(pid).ifPresent(b -> mib.put(name, b >> 20)));
    return mib;
  }

  /**
   * CPU seconds (user and system) each process has used since it started, by the names of {@link
   * #now()}, plus the load generator ("benchmark") and {@code extra} processes under their own
   * names (a second instance of a service). PostgreSQL and Keycloak count all their processes.
   */
  Map<String, Double> cpuSeconds(Map<String, ProcessHandle> extra) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    seconds.put("postgresql", cpu(postgresProcesses()));
    seconds.put("kafka", cpu(platform.kafka().processHandles()));
    seconds.put("keycloak", cpu(platform.keycloak().processTree()));
    for (String service : Platform.SERVICES) {
      seconds.put(service, cpu(platform.service(service).processHandle().stream().toList()));
    }
    if (platform.isRunning(Platform.CONSOLE)) {
      seconds.put(
          Platform.CONSOLE,
          cpu(platform.service(Platform.CONSOLE).processHandle().stream().toList()));
    }
    extra.forEach((name, handle) -> seconds.put(name, cpu(List.of(handle))));
    seconds.put("benchmark", cpu(List.of(ProcessHandle.current())));
    return seconds;
  }

  /**
   * CPU milliseconds per unit of work between two {@link #cpuSeconds} readings, per process and in
   * "total".
   */
  static Map<String, Double> cpuMsPer(
      Map<String, Double> before, Map<String, Double> after, double units) {
    Map<String, Double> ms = new LinkedHashMap<>();
    double total = 0;
    for (var entry : after.entrySet()) {
      double used = entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
      double perUnit = units <= 0 ? 0 : used * 1000 / units;
      ms.put(entry.getKey(), perUnit);
      total += perUnit;
    }
    ms.put("total", total);
    return ms;
  }

  /** utime + stime of /proc/<pid>/stat, in clock ticks of 1/100 s (Linux's USER_HZ). */
  private static double cpu(List<ProcessHandle> processes) {
    long ticks = 0;
    for (ProcessHandle h : processes) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
        // the command name (field 2) may hold blanks: count fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (IOException | RuntimeException e) {
        // the process is gone: it counts nothing more
      }
    }
    return ticks / 100.0;
  }

  /** The platform's JVMs by name: Kafka, Keycloak's server, the services. */
  private Map<String, Long> jvms() {
    Map<String, Long> pids = new LinkedHashMap<>();
    var brokers = platform.kafka().processHandles(); // one broker, or the nodes of a cluster
    for (int i = 0; i < brokers.size(); i++) {
      pids.put(brokers.size() == 1 ? "kafka" : "kafka-" + (i + 1), brokers.get(i).pid());
    }
    // kc.sh starts the JVM: the process of the tree that has counters
    platform.keycloak().processTree().stream()
        .filter(h -> JvmHeap.afterGc(h.pid()).isPresent())
        .findFirst()
        .ifPresent(h -> pids.put("keycloak", h.pid()));
    for (String service : Platform.SERVICES) {
      platform.service(service).processHandle().ifPresent(h -> pids.put(service, h.pid()));
    }
    if (platform.isRunning(Platform.CONSOLE)) {
      platform
          .service(Platform.CONSOLE)
          .processHandle()
          .ifPresent(h -> pids.put(Platform.CONSOLE, h.pid()));
    }
    return pids;
  }

  /** Samples every 500 ms until {@link #stopPeak()}, keeping each process's highest figure. */
  void startPeak() {
    peak.clear();
    sampling.set(true);
    sampler =
        new Thread(
            () -> {
              while (sampling.get()) {
                now().forEach((k, v) -> peak.merge(k, v, Math::max));
                Benchmark.sleep(Duration.ofMillis(500));
              }
            },
            "footprint-sampler");
    sampler.start();
  }

  Map<String, Long> stopPeak() {
    sampling.set(false);
    try {
      sampler.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Map<String, Long> ordered = new LinkedHashMap<>();
    now().keySet().forEach(k -> ordered.put(k, peak.getOrDefault(k, 0L)));
    return ordered;
  }

  private List<ProcessHandle> postgresProcesses() {
    Path pidFile = platform.postgres().dataDirectory().resolve("postmaster.pid");
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      List<ProcessHandle> all = new ArrayList<>();
      ProcessHandle.of(pid)
          .ifPresent(
              h -> {
                all.add(h);
                h.descendants().forEach(all::add);
              });
      return all;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static long rss(long pid) {
    return field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:") / 1024;
  }

  private static long pss(List<ProcessHandle> processes) {
    return processes.stream()
            .mapToLong(h -> field(Path.of("/proc", Long.toString(h.pid()), "smaps_rollup"), "Pss:"))
            .sum()
        / 1024;
  }

  /** A "Name: 1234 kB" line's number, 0 when the process or file is gone. */
  private static long field(Path file, String name) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines
          .filter(l -> l.startsWith(name))
          .findFirst()
          .map(l -> Long.parseLong(l.substring(name.length()).replace("kB", "").strip()))
          .orElse(0L);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
