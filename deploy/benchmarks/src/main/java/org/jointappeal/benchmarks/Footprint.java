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
