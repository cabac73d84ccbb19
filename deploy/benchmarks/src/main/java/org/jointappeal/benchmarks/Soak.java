package org.jointappeal.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The soak of issue #18 ({@code --soak=60m}): {@code POST /pledges} open loop at one steady rate
 * (half the highest the ramp reached) for a long time, with the latency of each interval and the
 * memory of every process sampled at the end of each interval: resident memory (PSS for PostgreSQL
 * and Keycloak, as in the footprint) and, for each JVM, the heap its last collection left. Before
 * and after, once the consumers have caught up, every JVM runs a full collection: the live heap at
 * the start and at the end. The CPU each process spent during the soak, per pledge, is the steady
 * cost of a pledge (no ramp, no saturation), which is what compares two builds on a busy machine.
 */
final class Soak {

  /** Memory at one moment of the soak, minutes from its start. */
  record MemorySample(double minute, Map<String, Long> rssMib, Map<String, Long> heapAfterGcMib) {}

  record Result(
      double rate,
      double minutes,
      double intervalMinutes,
      Step total,
      List<Step> intervals,
      List<MemorySample> memory,
      Map<String, Long> liveHeapStartMib,
      Map<String, Long> liveHeapEndMib,
      Map<String, Double> cpuMsPerPledge) {}

  private final PledgeWrites writes;
  private final Footprint footprint;
  private final Runnable settle;

  Soak(PledgeWrites writes, Footprint footprint, Runnable settle) {
    this.writes = writes;
    this.footprint = footprint;
    this.settle = settle;
  }

  Result run(double rate, Duration duration, Duration interval) {
    settle.run();
    Map<String, Long> liveBefore = footprint.heapAfterFullGc();
    Benchmark.log("soak: live heap before %s", liveBefore);
    List<MemorySample> memory = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    long started = System.nanoTime();
    memory.add(sample(started));
    Thread sampler =
        new Thread(
            () -> {
              long next = started + interval.toNanos();
              while (running.get()) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                  Benchmark.sleep(Duration.ofNanos(Math.min(wait, 500_000_000L)));
                  continue;
                }
                MemorySample sample = sample(started);
                memory.add(sample);
                Benchmark.log(
                    "soak %.1f min: heap after GC %s, resident %s",
                    sample.minute(), sample.heapAfterGcMib(), sample.rssMib());
                next += interval.toNanos();
              }
            },
            "soak-memory-sampler");
    sampler.setDaemon(true);
    sampler.start();
    var cpuBefore = footprint.cpuSeconds(Map.of());
    OpenLoop.Timeline timeline;
    try {
      timeline =
          writes.steady("soak POST /pledges @" + (int) rate + "/s", rate, duration, interval);
    } finally {
      running.set(false);
      try {
        sampler.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    var cpu =
        Footprint.cpuMsPer(
            cpuBefore,
            footprint.cpuSeconds(Map.of()),
            timeline.total().count() - timeline.total().errors());
    Benchmark.log("soak: CPU ms per pledge %s", cpu);
    settle.run();
    Map<String, Long> liveAfter = footprint.heapAfterFullGc();
    Benchmark.log("soak: live heap after %s", liveAfter);
    return new Result(
        rate,
        duration.toSeconds() / 60.0,
        interval.toSeconds() / 60.0,
        timeline.total(),
        timeline.intervals(),
        new ArrayList<>(memory),
        liveBefore,
        liveAfter,
        cpu);
  }

  private MemorySample sample(long started) {
    Map<String, Long> resident = footprint.now();
    resident.remove("total");
    return new MemorySample(
        (System.nanoTime() - started) / 60e9, resident, footprint.heapAfterGc());
  }

  /**
   * Whether the p99 stayed flat: the median of the intervals' p99 over the last third of the soak
   * against that of the first third (1.0 = the same); NaN with fewer than three intervals.
   */
  static double p99Drift(Result soak) {
    List<Step> intervals = soak.intervals();
    int third = intervals.size() / 3;
    if (third == 0) {
      return Double.NaN;
    }
    double first = median(intervals.subList(0, third));
    double last = median(intervals.subList(intervals.size() - third, intervals.size()));
    return Report.ratio(last, first);
  }

  private static double median(List<Step> steps) {
    double[] p99 = steps.stream().mapToDouble(Step::p99Ms).sorted().toArray();
    return p99.length % 2 == 1
        ? p99[p99.length / 2]
        : (p99[p99.length / 2 - 1] + p99[p99.length / 2]) / 2;
  }
}
