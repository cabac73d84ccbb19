package org.jointappeal.pledge.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A discrete distribution of payment delays in days (value date minus due date; negative = paid
 * early), among instalments that are paid. Immutable; probabilities are doubles (they are not
 * money).
 */
final class DelayDistribution {

  /** One instalment as learned from: its delay if paid, or how long it was watched unpaid. */
  record Observation(int days, boolean paid) {}

  static final DelayDistribution EMPTY = new DelayDistribution(new int[0], new double[0]);

  private final int[] delays; // ascending
  private final double[] cumulative; // cumulative[i] = P(delay <= delays[i])

  private DelayDistribution(int[] delays, double[] cumulative) {
    this.delays = delays;
    this.cumulative = cumulative;
  }

  /**
   * Kaplan–Meier over the observations, normalised to the delays seen paid: instalments still
   * unpaid (or written off) leave the risk set at their censoring time instead of being dropped or
   * counted as paid then. Normalising makes it the delay of those that pay; whether they pay at all
   * is the probability of being paid, estimated apart.
   */
  static DelayDistribution kaplanMeier(List<Observation> observations) {
    var byTime = new TreeMap<Integer, int[]>(); // time -> {paid, censored}
    for (Observation o : observations) {
      byTime.computeIfAbsent(o.days(), t -> new int[2])[o.paid() ? 0 : 1]++;
    }
    int atRisk = observations.size();
    double survival = 1.0;
    var mass = new TreeMap<Integer, Double>();
    for (Map.Entry<Integer, int[]> e : byTime.entrySet()) {
      int paid = e.getValue()[0];
      int censored = e.getValue()[1];
      if (paid > 0) {
        double jump = survival * paid / atRisk; // censored at t count as at risk at t
        mass.put(e.getKey(), jump);
        survival -= jump;
      }
      atRisk -= paid + censored;
    }
    return normalised(mass);
  }

  /** A point mass: every payment on the same delay. */
  static DelayDistribution point(int days) {
    return new DelayDistribution(new int[] {days}, new double[] {1.0});
  }

  /** {@code weight} of this and {@code 1 - weight} of {@code other}. */
  DelayDistribution blend(double weight, DelayDistribution other) {
    if (other.isEmpty() || weight >= 1.0) {
      return this;
    }
    if (isEmpty() || weight <= 0.0) {
      return other;
    }
    var mass = new TreeMap<Integer, Double>();
    addTo(mass, weight);
    other.addTo(mass, 1.0 - weight);
    return normalised(mass);
  }

  boolean isEmpty() {
    return delays.length == 0;
  }

  /** P(delay > days). */
  double above(int days) {
    int i = lastIndexAtOrBelow(days);
    return i < 0 ? total() : total() - cumulative[i];
  }

  /** P(from <= delay <= to). */
  double between(int from, int to) {
    if (to < from) {
      return 0.0;
    }
    return above(from - 1) - above(to);
  }

  /**
   * A delay drawn from the distribution given that it is greater than {@code days} (the instalment
   * is still unpaid that late), from a uniform {@code u} in [0, 1).
   */
  int sampleAbove(int days, double u) {
    int start = lastIndexAtOrBelow(days);
    double before = start < 0 ? 0.0 : cumulative[start];
    double target = before + u * (total() - before);
    int i = Arrays.binarySearch(cumulative, start + 1, cumulative.length, target);
    int index = i >= 0 ? i : -i - 1;
    // the first delay whose cumulative probability exceeds the target
    while (index < cumulative.length - 1 && cumulative[index] <= target) {
      index++;
    }
    return delays[Math.min(index, delays.length - 1)];
  }

  /** The smallest delay with P(delay <= d) >= q. */
  int quantile(double q) {
    for (int i = 0; i < delays.length; i++) {
      if (cumulative[i] >= q * total() - 1e-12) {
        return delays[i];
      }
    }
    throw new IllegalStateException("empty delay distribution");
  }

  private double total() {
    return cumulative.length == 0 ? 0.0 : cumulative[cumulative.length - 1];
  }

  private int lastIndexAtOrBelow(int days) {
    int i = Arrays.binarySearch(delays, days);
    return i >= 0 ? i : -i - 2;
  }

  private void addTo(Map<Integer, Double> mass, double weight) {
    double previous = 0.0;
    for (int i = 0; i < delays.length; i++) {
      mass.merge(delays[i], weight * (cumulative[i] - previous), Double::sum);
      previous = cumulative[i];
    }
  }

  private static DelayDistribution normalised(TreeMap<Integer, Double> mass) {
    double sum = mass.values().stream().mapToDouble(Double::doubleValue).sum();
    if (mass.isEmpty() || sum <= 0.0) {
      return EMPTY;
    }
    int[] d = new int[mass.size()];
    double[] c = new double[mass.size()];
    int i = 0;
    double running = 0.0;
    for (Map.Entry<Integer, Double> e : mass.entrySet()) {
      running += e.getValue() / sum;
      d[i] = e.getKey();
      c[i] = running;
      i++;
    }
    c[c.length - 1] = 1.0;
    return new DelayDistribution(d, c);
  }
}
