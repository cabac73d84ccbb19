package org.jointappeal.benchmarks;

import org.HdrHistogram.Histogram;

/**
 * One measured run at one rate: what was intended, what was achieved, and latency percentiles in
 * milliseconds (from the intended start of each request where the load is open-loop).
 */
public record Step(
    String name,
    double intendedRate,
    double achievedRate,
    long count,
    long errors,
    double p50Ms,
    double p90Ms,
    double p95Ms,
    double p99Ms,
    double maxMs,
    String note) {

  /** Latencies recorded in microseconds. */
  static Step of(
      String name, double intendedRate, double achievedRate, long errors, Histogram micros) {
    return new Step(
        name,
        intendedRate,
        achievedRate,
        micros.getTotalCount(),
        errors,
        micros.getValueAtPercentile(50) / 1000.0,
        micros.getValueAtPercentile(90) / 1000.0,
        micros.getValueAtPercentile(95) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0,
        micros.getMaxValue() / 1000.0,
        "");
  }

  Step withNote(String text) {
    return new Step(
        name, intendedRate, achievedRate, count, errors, p50Ms, p90Ms, p95Ms, p99Ms, maxMs, text);
  }

  /** Open-loop load is saturated when it falls behind its schedule, fails, or queues for long. */
  boolean saturated() {
    return achievedRate < 0.9 * intendedRate || errors > count / 100 || p99Ms > 2000;
  }
}
